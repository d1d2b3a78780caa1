import type { DebugLog } from '../debug.js'
import { sleep } from '../sleep.js'
import { type PayloadOf, type ResultOf, type WireEndpoint, pathParams } from './endpoint.js'
import { ApiError, errorFromResponse } from './errors.js'
import { stripNulls } from './null-stripping.js'
import { serializeQuery } from './query-string.js'
import { CONNECT_TIMEOUT_CODE, type FetchLike, type HttpBody, type HttpResponse, isStreamedBody } from './transport.js'

export const DEFAULT_BASE_URL = 'https://api.getcargo.io'
export const DEFAULT_TIMEOUT_MS = 360_000

export interface ClientOptions {
  /** origin without `/v1` */
  baseUrl: string
  /** replaced when renewToken gives a new one */
  token?: string
  workspaceUuid?: string
  /** sent as x-cargo-origin-version */
  version: string
  fetch: FetchLike
  timeoutMs?: number
  debug?: DebugLog
  /**
   * Asked once when the API answers 401 (OAuth sessions): a renewed token, or undefined. The request is
   * then sent once more with it, as the official client does with retryOnUnauthorized.
   */
  renewToken?: () => Promise<string | undefined>
  /** waits between retries (tests pass a fake clock's) */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  /** jitter source, in [0, 1) */
  random?: () => number
}

/** At most this many attempts of one call (DESIGN.md, issue "hold up under faults"). */
export const MAX_ATTEMPTS = 3
const BACKOFF_BASE_MS = 500
const BACKOFF_CAP_MS = 20_000
/** A Retry-After longer than this is not waited for: the error is reported instead. */
const MAX_RETRY_AFTER_MS = 60_000
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504])
/** Failures that happen before a connection exists: nothing reached the server, so any call may be retried. */
const BEFORE_CONNECTION = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', CONNECT_TIMEOUT_CODE])

/**
 * How long to wait before attempt `attempt + 1`, or undefined when the error must be reported now.
 * Reads (GET and read-only POSTs) are retried on network errors, timeouts, 429, 502, 503 and 504;
 * calls that change something only when the request cannot have reached the server.
 */
export function retryDelay(error: unknown, endpoint: Pick<WireEndpoint, 'idempotent'>, attempt: number, random: () => number = Math.random): number | undefined {
  if (!(error instanceof ApiError) || attempt >= MAX_ATTEMPTS) return undefined
  const safe =
    error.kind === 'network'
      ? endpoint.idempotent || BEFORE_CONNECTION.has(error.code ?? '')
      : Boolean(endpoint.idempotent) && RETRYABLE_STATUSES.has(error.status ?? 0)
  if (!safe) return undefined
  if (error.retryAfterMs !== undefined) return error.retryAfterMs <= MAX_RETRY_AFTER_MS ? error.retryAfterMs : undefined
  return Math.round(random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1)))
}

/** `Retry-After: <seconds>` or `<HTTP date>`, in ms from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export interface HttpRequest {
  url: string
  method: string
  headers: Record<string, string>
  body?: HttpBody
  /** the byte length of a streamed body */
  bodyLength?: number
}

export interface CallOptions {
  /** aborts the request in flight and any retry still to come (Ctrl-C, a --wait-timeout deadline) */
  signal?: AbortSignal
}

/** A signed URL's body, read chunk by chunk under an idle timer (see CargoClient.download). */
export interface DownloadBody {
  chunks: AsyncIterable<Uint8Array>
}

/** `<base>/v1/<endpoint>`, with exactly one slash between them (wire.md §1). */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/v1/${path.replace(/^\/+/, '')}`
}

export function buildRequest(endpoint: WireEndpoint, payload: Record<string, unknown>, options: Omit<ClientOptions, 'fetch'>): HttpRequest {
  const rest: Record<string, unknown> = { ...payload }
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name]
    delete rest[name]
    if (value === undefined || value === null || value === '') throw new ApiError('request', `Missing ${name} for ${endpoint.name}`)
    return encodeURIComponent(String(value))
  })
  for (const name of pathParams(endpoint.path)) delete rest[name]

  const headers: Record<string, string> = { 'x-cargo-origin': 'cli', 'x-cargo-origin-version': options.version }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.workspaceUuid && !endpoint.withoutWorkspace) headers['selected-workspace-uuid'] = options.workspaceUuid

  let url = joinUrl(options.baseUrl, path)
  let body: string | undefined
  if (endpoint.payloadIn === 'query') url += serializeQuery(rest)
  else if (endpoint.payloadIn === 'body' && endpoint.method !== 'GET') {
    body = JSON.stringify(rest)
    headers['content-type'] = 'application/json'
  }
  return { url, method: endpoint.method, headers, body }
}

/** The typed Cargo API client: one request function behind every endpoint. */
export class CargoClient {
  constructor(readonly options: ClientOptions) {}

  /**
   * One API call, retried as `retryDelay` allows; each retry is logged with DEBUG=cargo-ai*. A call that
   * changes something and whose answer was lost after it was sent fails with reason `outcomeUnknown`.
   */
  async call<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions: CallOptions = {}): Promise<ResultOf<E>> {
    const sentAt = new Date()
    try {
      return await this.retrying(endpoint, callOptions, () => this.attempt(endpoint, payload, callOptions))
    } catch (error) {
      throw endpoint.idempotent ? error : asLostAnswer(error, endpoint, sentAt)
    }
  }

  /**
   * Runs `attempt` until it succeeds, `retryDelay` says stop, or the caller's signal aborts (no retry
   * outlives it): the one retry loop of every request the CLI sends, API calls and S3 parts alike.
   */
  async retrying<T>(endpoint: Pick<WireEndpoint, 'idempotent' | 'method' | 'path'>, callOptions: CallOptions, attempt: () => Promise<T>): Promise<T> {
    const { signal } = callOptions
    for (let number = 1; ; number++) {
      try {
        return await attempt()
      } catch (error) {
        const delay = signal?.aborted ? undefined : retryDelay(error, endpoint, number, this.options.random)
        if (delay === undefined) throw error
        const why = (error as ApiError).status ? `HTTP ${(error as ApiError).status}` : (error as ApiError).message
        this.options.debug?.(`retry ${number + 1}/${MAX_ATTEMPTS} of ${endpoint.method} ${endpoint.path} in ${delay} ms (${why})`)
        await (this.options.sleep ?? sleep)(delay, signal)
        if (signal?.aborted) throw error
      }
    }
  }

  /** Sends one call; on a 401, renews the token once (when it can) and sends it again. */
  private async sendRenewing(endpoint: WireEndpoint, payload: Record<string, unknown>, callOptions: CallOptions): Promise<Sent & { request: HttpRequest }> {
    let request = buildRequest(endpoint, payload, this.options)
    let { response, done } = await this.send(request, callOptions)
    if (response.status === 401 && this.options.renewToken) {
      const renewed = await this.options.renewToken()
      if (renewed && renewed !== this.options.token) {
        done.clear()
        await response.text().catch(() => '')
        this.options.token = renewed
        request = buildRequest(endpoint, payload, this.options)
        ;({ response, done } = await this.send(request, callOptions))
      }
    }
    return { request, response, done }
  }

  private async attempt<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions: CallOptions): Promise<ResultOf<E>> {
    const { request, response, done } = await this.sendRenewing(endpoint, payload as Record<string, unknown>, callOptions)
    try {
      const text = await readText(response, request)
      if (!response.ok) {
        const error = errorFromResponse(response.status, text ? (parseJson(text) ?? text) : {}, endpoint.reasons)
        error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
        throw error
      }
      return parseResult(endpoint, text, request) as ResultOf<E>
    } catch (error) {
      throw done.timedOut() ? timeoutError(this.timeoutMs, request, error) : error
    } finally {
      done.clear()
    }
  }

  /**
   * POST multipart form data (file uploads): the Cargo headers but no content type, which fetch sets
   * with the boundary. `payload` fills the path placeholders.
   */
  async upload<E extends WireEndpoint>(endpoint: E, form: FormData, payload: Record<string, unknown> = {}, callOptions: CallOptions = {}): Promise<ResultOf<E>> {
    const request = buildRequest({ ...endpoint, payloadIn: 'none' }, payload, this.options)
    const sentAt = new Date()
    try {
      const { response, done } = await this.send({ ...request, body: form }, callOptions)
      try {
        const text = await readText(response, request)
        if (!response.ok) throw errorFromResponse(response.status, text ? (parseJson(text) ?? text) : {}, endpoint.reasons)
        return (text === '' ? {} : parseResult(endpoint, text, request)) as ResultOf<E>
      } catch (error) {
        throw done.timedOut() ? timeoutError(this.timeoutMs, request, error) : error
      } finally {
        done.clear()
      }
    } catch (error) {
      throw asLostAnswer(error, endpoint, sentAt)
    }
  }

  /**
   * A call whose answer is a file's bytes (the raw reads of content and context): sent as `call` sends it,
   * Cargo headers and token renewal included, and retried as a read; its body is handed back unread, for streaming.
   */
  async callForBytes<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions: CallOptions = {}): Promise<DownloadBody> {
    return this.retrying(endpoint, callOptions, async () => {
      const { request, response, done } = await this.sendRenewing(endpoint, payload as Record<string, unknown>, callOptions)
      if (!response.ok) {
        try {
          const text = await readText(response, request)
          const error = errorFromResponse(response.status, text ? (parseJson(text) ?? text) : {}, endpoint.reasons)
          error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
          throw error
        } finally {
          done.clear()
        }
      }
      return { chunks: this.idleTimedChunks(response, done, request) }
    })
  }

  /**
   * GET a signed URL (no Cargo headers: the URL carries its own authorization), retried as a read, and
   * hand back its body unread, for streaming. The timeout covers the wait for the headers, then each wait
   * for the next chunk (an idle timer: a long download that keeps moving is never cut). A body that ends
   * before its content-length fails, so that a cut download is never taken for a complete one.
   */
  async download(url: string, callOptions: CallOptions = {}): Promise<DownloadBody> {
    const request = { url, method: 'GET', headers: {} }
    return this.retrying({ idempotent: true, method: 'GET', path: safePath(url) }, callOptions, async () => {
      const { response, done } = await this.send(request, callOptions)
      if (!response.ok) {
        done.clear()
        const text = await response.text().catch(() => '')
        throw errorFromResponse(response.status, parseJson(text) ?? text, {})
      }
      return { chunks: this.idleTimedChunks(response, done, request) }
    })
  }

  /**
   * Sends a body to a signed URL (an S3 part PUT) with no headers at all (the URL carries its own
   * authorization), once, under the client's timeout; answers the status and headers once the answer is
   * read. Retrying is the caller's, through `retrying`, since a streamed body is made anew for each attempt.
   */
  async sendToSignedUrl(url: string, method: string, body: HttpBody, bodyLength: number | undefined, callOptions: CallOptions = {}): Promise<Pick<HttpResponse, 'status' | 'ok' | 'headers'>> {
    const request: HttpRequest = { url, method, headers: {}, body, bodyLength }
    const { response, done } = await this.send(request, callOptions)
    try {
      await readText(response, request)
      return response
    } catch (error) {
      throw done.timedOut() ? timeoutError(this.timeoutMs, request, error) : error
    } finally {
      done.clear()
    }
  }

  private async *idleTimedChunks(response: HttpResponse, done: Sent['done'], request: HttpRequest): AsyncIterable<Uint8Array> {
    const length = response.headers.get('content-encoding') ? undefined : Number(response.headers.get('content-length') ?? Number.NaN)
    let received = 0
    try {
      const source = response.chunks?.() ?? (response.body ? readerChunks(response.body) : [])
      for await (const chunk of source) {
        received += chunk.length
        // the timer measures the server's silence, not the time the destination takes to accept a chunk
        done.pause()
        yield chunk
        done.restart()
      }
    } catch (error) {
      if (done.timedOut()) {
        throw new ApiError('network', `no data from ${safeHost(request.url)} for ${this.timeoutMs / 1000} s: the download stalled`, {
          cause: error,
          code: 'ETIMEDOUT',
        })
      }
      if (error instanceof ApiError) throw error
      const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code
      throw new ApiError('network', `the connection to ${safeHost(request.url)} broke${code ? ` (${code})` : ''}`, { cause: error, code })
    } finally {
      done.clear()
    }
    if (length !== undefined && Number.isFinite(length) && received < length) {
      throw new ApiError('network', `${safeHost(request.url)} closed the connection after ${received} of ${length} bytes`, { code: 'ETRUNCATED' })
    }
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  /** Sends one request under the client's timeout (re-armed by `done.restart`, for idle timing) and the caller's signal. */
  private async send(request: HttpRequest, callOptions: CallOptions): Promise<Sent> {
    const controller = new AbortController()
    let timedOut = false
    let timer: NodeJS.Timeout | undefined
    const arm = () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        timedOut = true
        controller.abort()
      }, this.timeoutMs)
    }
    arm()
    const onAbort = () => controller.abort()
    if (callOptions.signal?.aborted) controller.abort()
    callOptions.signal?.addEventListener('abort', onAbort, { once: true })
    const done = {
      timedOut: () => timedOut,
      restart: arm,
      pause: () => clearTimeout(timer),
      clear: () => {
        clearTimeout(timer)
        callOptions.signal?.removeEventListener('abort', onAbort)
      },
    }
    const sent = typeof request.body === 'string' ? ` ${truncate(request.body)}` : request.bodyLength !== undefined ? ` (${request.bodyLength} bytes)` : ''
    this.options.debug?.(`→ ${request.method} ${request.url}${sent}`)
    const started = Date.now()
    try {
      const streamed = isStreamedBody(request.body)
      const response = await this.options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        redirect: 'follow',
        ...(streamed ? { duplex: 'half' as const, bodyLength: request.bodyLength } : {}),
      })
      this.options.debug?.(`← ${response.status} ${request.method} ${request.url} (${Date.now() - started} ms)`)
      return { response, done }
    } catch (error) {
      done.clear()
      throw timedOut ? timeoutError(this.timeoutMs, request, error) : networkError(error, request)
    }
  }
}

interface Sent {
  response: HttpResponse
  done: { timedOut(): boolean; restart(): void; pause(): void; clear(): void }
}

/** A TLS handshake that failed: the request itself was never sent (not retried either: it would fail the same way). */
const TLS_REFUSALS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
])

/** Failures that leave it open whether a call reached the server: the connection was up when it broke. */
export function mayHaveReachedServer(error: unknown): error is ApiError {
  const code = error instanceof ApiError ? (error.code ?? '') : ''
  return error instanceof ApiError && error.kind === 'network' && !BEFORE_CONNECTION.has(code) && !TLS_REFUSALS.has(code)
}

/**
 * A call that changes something and lost its answer after it may have reached the server: reported as
 * such (reason `outcomeUnknown`), since "could not reach" would invite sending it again.
 */
function asLostAnswer(error: unknown, endpoint: Pick<WireEndpoint, 'method' | 'path'>, sentAt: Date): unknown {
  if (!mayHaveReachedServer(error) || error.reason === OUTCOME_UNKNOWN) return error
  const detail = error.code === 'ETIMEDOUT' || !error.code ? error.message : error.code
  return new ApiError('network', `${endpoint.method} ${endpoint.path} was sent but its answer was lost (${detail}): it may have taken effect.`, {
    cause: error,
    code: error.code,
    reason: OUTCOME_UNKNOWN,
    sentAt,
  })
}

export const OUTCOME_UNKNOWN = 'outcomeUnknown'

/** A web stream read one chunk at a time: nothing is queued beyond what the consumer accepts. */
async function* readerChunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    yield value
  }
}

async function readText(response: HttpResponse, request: HttpRequest): Promise<string> {
  try {
    return await response.text()
  } catch (error) {
    throw networkError(error, request)
  }
}

function timeoutError(timeoutMs: number, request: HttpRequest, cause: unknown): ApiError {
  return new ApiError('network', `Timed out after ${timeoutMs / 1000} s waiting for ${safeHost(request.url)}`, { cause, code: 'ETIMEDOUT' })
}

function networkError(error: unknown, request: HttpRequest): ApiError {
  if (error instanceof ApiError) return error
  const host = safeHost(request.url)
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const detail = cause?.code ?? cause?.message ?? (error as Error)?.message
  return new ApiError('network', `Network error: could not reach ${host}${detail ? ` (${detail})` : ''}`, { cause: error, code: cause?.code })
}

function parseResult(endpoint: WireEndpoint, text: string, request: HttpRequest): unknown {
  if (text === '') return undefined
  if (endpoint.textResult) {
    // the official client JSON-parses every body, so a text endpoint may also answer a JSON string
    const parsed = parseJson(text)
    return typeof parsed === 'string' ? parsed : text
  }
  if (endpoint.voidResult) return undefined
  const parsed = parseJson(text)
  if (parsed === undefined) {
    throw new ApiError('server', `The API answered ${request.method} ${safePath(request.url)} with a body that is not JSON: ${truncate(text, 80)}`, {
      status: 200,
    })
  }
  return stripNulls(parsed, endpoint.keepNulls)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function truncate(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}
