/**
 * A fetch over node:http(s) for the CLI's own calls. Node 20's global fetch costs a command about 40 ms to
 * load its Response class and 150–200 ms to compile and then tear down undici's WebAssembly HTTP parser,
 * which is most of a short command's life; node:http is already in the binary's snapshot.
 * Covers what the client sends (string or byte bodies, headers, abort signals, redirects, compressed
 * answers) and rejects like fetch does: a TypeError whose `cause` carries the system error code.
 */
// the module objects, not named imports: interceptors (msw in tests, APM agents) patch `http.request` on them
import http, { type ClientRequest, type IncomingMessage } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { HttpRequestInit, HttpResponse } from './transport.js'

const MAX_REDIRECTS = 20
/** What Node's fetch sends unasked: the original CLI's requests carry these (wire.md §3), and some gateways refuse a request without a user-agent. */
const FETCH_DEFAULT_HEADERS = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node', 'accept-encoding': 'gzip, deflate' }
/** Nothing reached the server when the TCP/TLS connection is not up by then, so any call may be retried. */
export const CONNECT_TIMEOUT_MS = 10_000
export const CONNECT_TIMEOUT_CODE = 'ECONNECTTIMEOUT'

export async function nodeHttpFetch(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
  let target = new URL(url)
  let method = (init.method ?? 'GET').toUpperCase()
  let headers: Record<string, string> = { ...FETCH_DEFAULT_HEADERS, ...lowerCaseKeys(init.headers ?? {}) }
  let body = init.body as string | undefined
  for (let redirects = 0; ; redirects++) {
    const message = await send(target, method, headers, body, init.signal)
    const location = message.headers.location
    if (!isRedirect(message.statusCode) || !location || init.redirect === 'manual') return new NodeHttpResponse(message, method, init.signal)
    message.resume()
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: redirectError(redirects) })
    const next = new URL(location, target)
    if (message.statusCode === 303 || ((message.statusCode === 301 || message.statusCode === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET'
      body = undefined
      headers = withoutHeaders(headers, ['content-type', 'content-length'])
    }
    // as fetch: credentials are not carried to another origin
    if (next.origin !== target.origin) headers = withoutHeaders(headers, ['authorization', 'cookie'])
    target = next
  }
}

function send(target: URL, method: string, headers: Record<string, string>, body: string | undefined, signal?: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const payload = body === undefined ? undefined : Buffer.from(body)
    const requestHeaders = payload ? { ...headers, 'content-length': String(payload.byteLength) } : headers
    const request = (target.protocol === 'https:' ? https : http).request(target, { method, headers: requestHeaders })
    const onAbort = () => request.destroy(abortReason(signal))
    signal?.addEventListener('abort', onAbort, { once: true })
    const connectTimer = watchConnection(request)
    request.once('response', (message) => {
      clearTimeout(connectTimer)
      signal?.removeEventListener('abort', onAbort)
      resolve(message)
    })
    // `on`, not `once`: a body cut or aborted later errors the request again, after this promise settled
    request.on('error', (error) => {
      clearTimeout(connectTimer)
      signal?.removeEventListener('abort', onAbort)
      reject(isAbort(error) ? error : new TypeError('fetch failed', { cause: error }))
    })
    request.end(payload)
  })
}

/** Fails the request with CONNECT_TIMEOUT_CODE when no connection is up in time. */
function watchConnection(request: ClientRequest): NodeJS.Timeout {
  const timer = setTimeout(() => {
    request.destroy(Object.assign(new Error(`Could not connect within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: CONNECT_TIMEOUT_CODE }))
  }, CONNECT_TIMEOUT_MS)
  timer.unref()
  request.once('socket', (socket) => {
    if (!socket.connecting) return clearTimeout(timer)
    socket.once('encrypted' in socket ? 'secureConnect' : 'connect', () => clearTimeout(timer))
  })
  return timer
}

class NodeHttpResponse implements HttpResponse {
  readonly status: number
  readonly statusText: string
  readonly headers: { get(name: string): string | null }
  private readonly stream: Readable | undefined
  private webBody: ReadableStream<Uint8Array> | null | undefined

  constructor(message: IncomingMessage, method: string, signal?: AbortSignal) {
    this.status = message.statusCode ?? 0
    this.statusText = message.statusMessage ?? ''
    const raw = message.headers
    this.headers = {
      get: (name) => {
        const value = raw[name.toLowerCase()]
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
      },
    }
    if (method === 'HEAD' || this.status === 204 || this.status === 304) {
      message.resume()
      return
    }
    // a failure before the body is read (while a token is renewed, say) surfaces when it is read, not as a crash
    message.on('error', () => {})
    this.stream = decoded(message)
    this.stream.on('error', () => {})
    if (signal) {
      const onAbort = () => this.stream?.destroy(abortReason(signal))
      signal.addEventListener('abort', onAbort, { once: true })
      this.stream.once('close', () => signal.removeEventListener('abort', onAbort))
    }
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300
  }

  get body(): ReadableStream<Uint8Array> | null {
    if (this.webBody === undefined) this.webBody = this.stream ? (Readable.toWeb(this.stream) as ReadableStream<Uint8Array>) : null
    return this.webBody
  }

  chunks(): AsyncIterable<Uint8Array> {
    return this.stream ?? Readable.from([])
  }

  async text(): Promise<string> {
    if (!this.stream) return ''
    const chunks: Buffer[] = []
    try {
      for await (const chunk of this.stream) chunks.push(chunk as Buffer)
    } catch (error) {
      throw isAbort(error) ? error : new TypeError('terminated', { cause: error })
    }
    return Buffer.concat(chunks).toString('utf8')
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text())
  }
}

function decoded(message: IncomingMessage): Readable {
  const encoding = String(message.headers['content-encoding'] ?? '').trim().toLowerCase()
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined
  if (!decoder) return message
  message.on('error', (error) => decoder.destroy(error))
  message.on('aborted', () => decoder.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
  return message.pipe(decoder)
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

function redirectError(redirects: number): Error {
  return Object.assign(new Error(redirects >= MAX_REDIRECTS ? 'too many redirects' : 'unexpected redirect'), { code: 'EREDIRECT' })
}

function abortReason(signal?: AbortSignal): Error {
  const reason = signal?.reason
  return reason instanceof Error ? reason : Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })
}

function isAbort(error: unknown): boolean {
  const name = (error as Error)?.name
  return name === 'AbortError' || name === 'TimeoutError'
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]))
}

function withoutHeaders(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)))
}
