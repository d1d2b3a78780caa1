/**
 * The one way the CLI sends HTTP: API calls, OAuth and email sign-in, signed-URL downloads and S3 part
 * PUTs all go through `sendHttp`. It is written on node:http(s), which is in Node's start-up snapshot:
 * Node 20's global fetch costs a short command about 40 ms to load its Response class and 150–200 ms to
 * compile and tear down undici's WebAssembly parser (bench/README.md).
 * It covers what the CLI sends (string, byte, streamed and FormData bodies, abort signals, redirects,
 * compressed answers, a connect timeout) and fails like fetch: a TypeError whose `cause` carries the
 * system error code, so that a fetch-shaped stand-in (the embedded emulator, a test) behaves the same.
 * Proxies come from the environment (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY) through proxy-agent
 * libraries, loaded only when one of those variables is set. Per-call timeouts, retries and DEBUG
 * logging are the client's (client.ts).
 */
// the module objects, not named imports: interceptors (msw in tests, APM agents) patch `http.request` on them
import http, { type Agent, type ClientRequest, type IncomingMessage } from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'

/**
 * A body read as it is sent (a file part: `Readable.toWeb(createReadStream(path, {start, end}))`). A web
 * stream rather than a Node one because fetch-shaped stand-ins (the embedded emulator, tests) hand the
 * init to `new Request`, which takes it as it is.
 */
export type StreamedBody = ReadableStream<Uint8Array>
export type HttpBody = string | Uint8Array<ArrayBuffer> | FormData | StreamedBody

export interface HttpRequestInit {
  method?: string
  headers?: Record<string, string>
  body?: HttpBody
  /** the byte length of a streamed body, sent as content-length (storage refuses a chunked part) */
  bodyLength?: number
  /** what fetch and `new Request` require with a streamed body; a stand-in built on them gets it passed on */
  duplex?: 'half'
  signal?: AbortSignal
  redirect?: 'follow' | 'manual' | 'error'
}

/** The part of fetch's Response the CLI reads; a real Response satisfies it (the embedded emulator answers with one). */
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

/** A function with fetch's shape: `sendHttp`, or a stand-in with the same contract (embedded emulator, tests). */
export type FetchLike = (input: string, init?: HttpRequestInit) => Promise<HttpResponse>

const MAX_REDIRECTS = 20
/** What Node's fetch sends unasked: the original CLI's requests carry these (wire.md §3), and some gateways refuse a request without a user-agent. */
const DEFAULT_HEADERS = { accept: '*/*', 'accept-language': '*', 'sec-fetch-mode': 'cors', 'user-agent': 'node', 'accept-encoding': 'gzip, deflate' }
/** Nothing reached the server when the TCP/TLS connection is not up by then, so any call may be retried. */
export const CONNECT_TIMEOUT_MS = 10_000
export const CONNECT_TIMEOUT_CODE = 'ECONNECTTIMEOUT'
/** A proxy URL with a scheme the proxy agents do not speak (socks): failing beats going around the proxy. */
export const UNSUPPORTED_PROXY_CODE = 'EPROXYSCHEME'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']

/** Which agent carries a request to a URL: a proxy's, or undefined for Node's default (a direct connection). */
type AgentFor = (url: URL) => Agent | undefined

/**
 * The transport of a process. Without a proxy variable, `sendHttp` itself; with one, `sendHttp` through
 * the proxy that proxy-from-env picks for each URL (NO_PROXY honoured). The variables are read from
 * process.env, where proxy-from-env reads them.
 */
export function createTransport(): FetchLike {
  if (!PROXY_VARIABLES.some((name) => process.env[name])) return sendHttp
  let agents: Promise<AgentFor> | undefined
  return async (input, init) => {
    agents ??= proxyAgents()
    return send(input, init, await agents)
  }
}

/** One request over node:http(s), without a proxy. */
export function sendHttp(url: string, init: HttpRequestInit = {}): Promise<HttpResponse> {
  return send(url, init, () => undefined)
}

async function proxyAgents(): Promise<AgentFor> {
  const [{ getProxyForUrl }, { HttpProxyAgent }, { HttpsProxyAgent }] = await Promise.all([
    import('proxy-from-env'),
    import('http-proxy-agent'),
    import('https-proxy-agent'),
  ])
  // one agent per proxy and scheme, so that its sockets are kept alive across calls
  const agents = new Map<string, Agent>()
  return (url) => {
    const proxy = getProxyForUrl(url.href)
    if (!proxy) return undefined
    const { protocol } = new URL(proxy)
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`the proxy ${protocol}// is not supported (give an http or https proxy URL)`), { code: UNSUPPORTED_PROXY_CODE }),
      })
    }
    const key = `${url.protocol} ${proxy}`
    let agent = agents.get(key)
    if (!agent) {
      agent = url.protocol === 'https:' ? new HttpsProxyAgent(proxy) : new HttpProxyAgent(proxy)
      agents.set(key, agent)
    }
    return agent
  }
}

async function send(url: string, init: HttpRequestInit = {}, agentFor: AgentFor): Promise<HttpResponse> {
  let target = new URL(url)
  let method = (init.method ?? 'GET').toUpperCase()
  let headers: Record<string, string> = { ...DEFAULT_HEADERS, ...lowerCaseKeys(init.headers ?? {}) }
  let body = init.body
  let bodyLength = init.bodyLength
  for (let redirects = 0; ; redirects++) {
    const message = await request(target, method, headers, body, bodyLength, agentFor(target), init.signal)
    const location = message.headers.location
    if (!isRedirect(message.statusCode) || !location || init.redirect === 'manual') return new NodeHttpResponse(message, method, init.signal)
    message.resume()
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) throw new TypeError('fetch failed', { cause: redirectError(redirects >= MAX_REDIRECTS ? 'too many redirects' : 'unexpected redirect') })
    const next = new URL(location, target)
    if (message.statusCode === 303 || ((message.statusCode === 301 || message.statusCode === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET'
      body = undefined
      bodyLength = undefined
      headers = withoutHeaders(headers, ['content-type', 'content-length'])
    } else if (isStreamedBody(body)) {
      // 307 and 308 send the body again, and a stream was read as it went
      throw new TypeError('fetch failed', { cause: redirectError('a streamed body cannot be sent again to follow a redirect') })
    }
    // as fetch: credentials are not carried to another origin
    if (next.origin !== target.origin) headers = withoutHeaders(headers, ['authorization', 'cookie'])
    target = next
  }
}

function request(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: HttpBody | undefined,
  bodyLength: number | undefined,
  agent: Agent | undefined,
  signal?: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal))
    const { payload, stream, contentType } = encodeBody(body)
    const requestHeaders = { ...headers }
    if (contentType && !requestHeaders['content-type']) requestHeaders['content-type'] = contentType
    if (payload) requestHeaders['content-length'] = String(payload.byteLength)
    else if (stream && bodyLength !== undefined) requestHeaders['content-length'] = String(bodyLength)
    const outgoing = (target.protocol === 'https:' ? https : http).request(target, { method, headers: requestHeaders, ...(agent ? { agent } : {}) })
    const onAbort = () => outgoing.destroy(abortReason(signal))
    signal?.addEventListener('abort', onAbort, { once: true })
    const connectTimer = watchConnection(outgoing)
    outgoing.once('response', (message) => {
      clearTimeout(connectTimer)
      signal?.removeEventListener('abort', onAbort)
      resolve(message)
    })
    // `on`, not `once`: a body cut or aborted later errors the request again, after this promise settled
    outgoing.on('error', (error) => {
      clearTimeout(connectTimer)
      signal?.removeEventListener('abort', onAbort)
      reject(isAbort(error) ? error : new TypeError('fetch failed', { cause: error }))
    })
    if (!stream) return void outgoing.end(payload)
    void writeStream(stream, outgoing, bodyLength)
  })
}

/** Chunk size of a streamed body read into the transport's own buffer (a byte stream's BYOB reader). */
const STREAM_CHUNK_BYTES = 64 * 1024

/**
 * Writes a streamed body, each chunk once the previous one has reached the socket. A byte stream (a file
 * part) is read into one buffer reused for every read, and each chunk is written as a copy: an HTTP
 * interceptor (msw in tests, an APM agent) may keep the chunks it was given and replay them later, and a
 * reused buffer would be detached under it by then. A body that is not `bodyLength` bytes (a file changed
 * while it was sent) fails the request instead of leaving the server waiting; so does a source that fails,
 * with its own error.
 */
async function writeStream(body: StreamedBody, outgoing: ClientRequest, bodyLength: number | undefined): Promise<void> {
  const byob = byobReader(body)
  const reader = byob ?? body.getReader()
  let buffer = new Uint8Array(byob ? STREAM_CHUNK_BYTES : 0)
  let sent = 0
  const lengthError = () => Object.assign(new Error(`the body was ${sent} bytes where ${bodyLength} were announced`), { code: 'EBODYLENGTH' })
  try {
    for (;;) {
      const { done, value } = byob ? await byob.read(buffer) : await (reader as ReadableStreamDefaultReader<Uint8Array>).read()
      if (done || !value) break
      sent += value.byteLength
      if (bodyLength !== undefined && sent > bodyLength) throw lengthError()
      await written(outgoing, byob ? Buffer.from(value) : value)
      // BYOB reads transfer the buffer rather than copy: the next read reuses the same memory
      if (byob) buffer = new Uint8Array(value.buffer as ArrayBuffer)
    }
    if (bodyLength !== undefined && sent !== bodyLength) throw lengthError()
    outgoing.end()
  } catch (error) {
    reader.cancel(error).catch(() => {})
    outgoing.destroy(error as Error)
  }
}

function byobReader(body: StreamedBody): ReadableStreamBYOBReader | undefined {
  try {
    return body.getReader({ mode: 'byob' })
  } catch {
    return undefined // not a byte stream (an encoded FormData): read chunk by chunk
  }
}

/** Resolves once `chunk` is on the socket (its memory may then be reused); rejects if the request closes first. */
function written(outgoing: ClientRequest, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (outgoing.destroyed) return reject(outgoing.errored ?? new Error('the request was closed'))
    const onClose = () => reject(outgoing.errored ?? new Error('the request was closed'))
    outgoing.once('close', onClose)
    outgoing.write(chunk, (error) => {
      outgoing.off('close', onClose)
      if (error) reject(error)
      else resolve()
    })
  })
}

/** A body as bytes to write at once, or as a web stream; FormData is encoded by the platform, boundary included. */
function encodeBody(body: HttpBody | undefined): { payload?: Buffer; stream?: StreamedBody; contentType?: string } {
  if (body === undefined) return {}
  if (typeof body === 'string') return { payload: Buffer.from(body) }
  if (body instanceof Uint8Array) return { payload: Buffer.from(body.buffer, body.byteOffset, body.byteLength) }
  if (isStreamedBody(body)) return { stream: body }
  // Request encodes the form as a stream (file parts read as they are sent); nothing of undici's HTTP
  // client is loaded by it, only its body classes, and only for forms
  const encoded = new Request('http://form.invalid/', { method: 'POST', body })
  return { stream: encoded.body ?? undefined, contentType: encoded.headers.get('content-type') ?? undefined }
}

/** Tested without naming FormData or ReadableStream: in Node 20 those globals load modules a plain call must not pay for. */
export function isStreamedBody(body: HttpBody | undefined): body is StreamedBody {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body
}

/** Fails the request with CONNECT_TIMEOUT_CODE when no connection is up in time. */
function watchConnection(outgoing: ClientRequest): NodeJS.Timeout {
  const timer = setTimeout(() => {
    outgoing.destroy(Object.assign(new Error(`Could not connect within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: CONNECT_TIMEOUT_CODE }))
  }, CONNECT_TIMEOUT_MS)
  timer.unref()
  outgoing.once('socket', (socket) => {
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

function redirectError(message: string): Error {
  return Object.assign(new Error(message), { code: 'EREDIRECT' })
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
