import type { DebugLog } from '../debug.js'
import { sleep } from '../sleep.js'
import { type PayloadOf, type ResultOf, type WireEndpoint, pathParams } from './endpoint.js'
import { ApiError, errorFromResponse } from './errors.js'
import { CONNECT_TIMEOUT_CODE } from './http-transport.js'
import { stripNulls } from './null-stripping.js'
import { serializeQuery } from './query-string.js'
import type { FetchLike, HttpResponse } from './transport.js'

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
  body?: string | FormData | Blob
}

export interface CallOptions {
  signal?: AbortSignal
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

  /** One API call, retried as `retryDelay` allows; each retry is logged with DEBUG=cargo-ai*. */
  async call<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions: CallOptions = {}): Promise<ResultOf<E>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(endpoint, payload, callOptions)
      } catch (error) {
        const delay = callOptions.signal?.aborted ? undefined : retryDelay(error, endpoint, attempt, this.options.random)
        if (delay === undefined) throw error
        const why = (error as ApiError).status ? `HTTP ${(error as ApiError).status}` : (error as ApiError).message
        this.options.debug?.(`retry ${attempt + 1}/${MAX_ATTEMPTS} of ${endpoint.method} ${endpoint.path} in ${delay} ms (${why})`)
        await (this.options.sleep ?? sleep)(delay, callOptions.signal)
      }
    }
  }

  private async attempt<E extends WireEndpoint>(endpoint: E, payload: PayloadOf<E>, callOptions: CallOptions): Promise<ResultOf<E>> {
    let request = buildRequest(endpoint, payload as Record<string, unknown>, this.options)
    let { response, done } = await this.send(request, callOptions)
    if (response.status === 401 && this.options.renewToken) {
      const renewed = await this.options.renewToken()
      if (renewed && renewed !== this.options.token) {
        done.clear()
        await response.text().catch(() => '')
        this.options.token = renewed
        request = buildRequest(endpoint, payload as Record<string, unknown>, this.options)
        ;({ response, done } = await this.send(request, callOptions))
      }
    }
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
  }

  /**
   * GET a signed URL (no Cargo headers: the URL carries its own authorization) and hand back the
   * response with its body unread, for streaming. The timeout covers the wait for headers only.
   */
  async download(url: string, callOptions: CallOptions = {}): Promise<HttpResponse> {
    const request = { url, method: 'GET', headers: {} }
    const { response, done } = await this.send(request, callOptions)
    done.clear()
    if (!response.ok) {
      const text = await response.text().catch(() => '')
      throw errorFromResponse(response.status, parseJson(text) ?? text, {})
    }
    return response
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  private async send(request: HttpRequest, callOptions: CallOptions) {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.timeoutMs)
    const onAbort = () => controller.abort()
    callOptions.signal?.addEventListener('abort', onAbort, { once: true })
    const done = {
      timedOut: () => timedOut,
      clear: () => {
        clearTimeout(timer)
        callOptions.signal?.removeEventListener('abort', onAbort)
      },
    }
    this.options.debug?.(`→ ${request.method} ${request.url}${typeof request.body === 'string' ? ` ${truncate(request.body)}` : ''}`)
    const started = Date.now()
    try {
      const response = await this.options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        redirect: 'follow',
      })
      this.options.debug?.(`← ${response.status} ${request.method} ${request.url} (${Date.now() - started} ms)`)
      return { response, done }
    } catch (error) {
      done.clear()
      throw timedOut ? timeoutError(this.timeoutMs, request, error) : networkError(error, request)
    }
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
