/**
 * How the CLI sends HTTP. Plain calls go through node:http (http-transport.ts: Node's global fetch costs a
 * short command more than everything else together). Multipart bodies and proxied calls use the global
 * fetch, with undici's EnvHttpProxyAgent as the dispatcher where a proxy variable is set (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY); undici is loaded only then.
 */
import { nodeHttpFetch } from './http-transport.js'

/** The part of fetch's Response the CLI reads; a real Response satisfies it. */
export interface HttpResponse {
  readonly status: number
  readonly ok: boolean
  readonly headers: { get(name: string): string | null }
  readonly body: ReadableStream<Uint8Array> | null
  /** the body as Node chunks, where the transport has them (cheaper than `body` for large downloads) */
  chunks?(): AsyncIterable<Uint8Array>
  text(): Promise<string>
  json(): Promise<unknown>
}

export interface HttpRequestInit {
  method?: string
  headers?: Record<string, string>
  body?: string | FormData | Blob
  signal?: AbortSignal
  redirect?: RequestRedirect
}

export type FetchLike = (input: string, init?: HttpRequestInit) => Promise<HttpResponse>

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

const globalFetch: FetchLike = (input, init) => fetch(input, init as RequestInit)

export function createTransport(env: NodeJS.ProcessEnv = process.env): FetchLike {
  const useProxy = proxyVariables.some((name) => env[name])
  if (!useProxy) return (input, init) => (isStreamable(init?.body) ? nodeHttpFetch(input, init) : globalFetch(input, init))
  let proxyDispatcher: Promise<unknown> | undefined
  return async (input, init) => {
    proxyDispatcher ??= import('undici').then(
      ({ EnvHttpProxyAgent }) =>
        new EnvHttpProxyAgent({
          httpProxy: env.HTTP_PROXY ?? env.http_proxy,
          httpsProxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
          noProxy: env.NO_PROXY ?? env.no_proxy,
        }),
    )
    const dispatcher = await proxyDispatcher
    return fetch(input, { ...init, dispatcher } as RequestInit)
  }
}

function isStreamable(body: HttpRequestInit['body']): body is string | undefined {
  return body === undefined || typeof body === 'string'
}
