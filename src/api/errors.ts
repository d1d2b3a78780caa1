/** Why a call failed, as the CLI's exit codes see it. */
export type ApiErrorKind = 'network' | 'authorization' | 'request' | 'server'

export class ApiError extends Error {
  readonly kind: ApiErrorKind
  readonly status?: number
  readonly reason?: string
  /** the parsed error body, when there was one */
  readonly data?: unknown
  /** the system error code of a network failure (ECONNREFUSED, ECONNRESET, ETIMEDOUT, …) */
  readonly code?: string
  /** what the server's Retry-After asked for */
  retryAfterMs?: number
  /** for a lost answer (reason outcomeUnknown): when the call was sent, to look for what it may have created */
  readonly sentAt?: Date

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; reason?: string; data?: unknown; cause?: unknown; code?: string; sentAt?: Date } = {},
  ) {
    super(message, { cause: options.cause })
    this.name = 'ApiError'
    this.kind = kind
    this.status = options.status
    this.reason = options.reason
    this.data = options.data
    this.code = options.code
    this.sentAt = options.sentAt
  }
}

const defaultMessages: Record<ApiErrorKind, string> = {
  network: 'Network error',
  authorization: 'Not authorized',
  request: 'Unknown error',
  server: 'Server error',
}

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'authorization'
  if (status >= 400 && status <= 498) return 'request'
  return 'server'
}

/**
 * Maps a failed response to an ApiError (wire.md §6): the server's errorMessage first, then, for 4xx
 * other than 401, the endpoint's reason table, then the default for the kind.
 */
export function errorFromResponse(status: number, body: unknown, reasons: Record<string, string>): ApiError {
  const kind = kindOfStatus(status)
  const data = body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  const serverMessage = typeof data.errorMessage === 'string' && data.errorMessage ? data.errorMessage : undefined
  const reason = typeof data.reason === 'string' ? data.reason : undefined
  let message = serverMessage
  if (!message && kind === 'request' && reason) {
    const nested = data.dataError && typeof data.dataError === 'object' ? (data.dataError as Record<string, unknown>).reason : undefined
    message =
      (typeof nested === 'string' ? reasons[`${reason}.${nested}`] : undefined) ??
      reasons[reason] ??
      (reason === 'dataError' ? 'Invalid data.' : undefined)
  }
  if (!message && typeof body === 'string' && body.trim()) message = `${defaultMessages[kind]} (HTTP ${status}, the body is not JSON)`
  return new ApiError(kind, message ?? `${defaultMessages[kind]} (HTTP ${status})`, { status, reason, data: body })
}
