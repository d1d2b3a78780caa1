import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { TEST_BASE_URL } from './run-command.js'

export interface RecordedRequest {
  method: string
  path: string
  /** the raw query string, without `?` */
  query: string
  headers: Record<string, string>
  /** parsed JSON body, the raw text when not JSON, undefined when there was none */
  body: unknown
}

export const server = setupServer()

/** Every request that reached a stub, in order. */
export const requests: RecordedRequest[] = []

async function record(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url)
  const text = request.method === 'GET' ? '' : await request.text()
  let body: unknown
  if (text !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  const entry = {
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: Object.fromEntries(request.headers.entries()),
    body,
  }
  requests.push(entry)
  return entry
}

type Responder = (request: RecordedRequest, index: number) => unknown

/**
 * Answers `method path` (relative to the API origin, e.g. `/v1/orchestration/runs`, or an absolute URL) with JSON,
 * recording the request. A function responder is called per request; returning a Response sends it as is.
 */
export function stubApi(method: string, path: string, respond: Responder, status?: number): void
export function stubApi(method: string, path: string, respond: unknown, status?: number): void
export function stubApi(method: string, path: string, respond: unknown, status = 200): void {
  let calls = 0
  const route = `${/^https?:/.test(path) ? '' : TEST_BASE_URL}${path.replace(/\{(\w+)\}/g, ':$1')}`
  const handler = http[method.toLowerCase() as 'get'](route, async ({ request }) => {
    const entry = await record(request)
    const value = typeof respond === 'function' ? (respond as Responder)(entry, calls++) : respond
    if (value instanceof Response) return value
    if (value === undefined) return new HttpResponse(null, { status })
    return HttpResponse.json(value as never, { status })
  })
  server.use(handler)
}

export function resetApi(): void {
  requests.length = 0
  server.resetHandlers()
}
