/** The API's error body (wire.md §6.1). */
export interface ErrorBody {
  errorMessage?: string
  reason?: string
  [key: string]: unknown
}

/** A refusal with the status and body the real API would send (wire.md §6.5). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.errorMessage ?? body.reason ?? `HTTP ${status}`)
  }
}

/** 404 with only a reason, so that the client's reason table supplies the text. */
export function notFound(entity: string): ApiFailure {
  return new ApiFailure(404, { reason: `${entity}NotFound` })
}

export function badRequest(reason: string, errorMessage?: string, extra: Record<string, unknown> = {}): ApiFailure {
  return new ApiFailure(400, { ...(errorMessage ? { errorMessage } : {}), reason, ...extra })
}

/** createBatch's nested reason (wire.md §6.3). */
export function dataError(reason: string, errorMessage?: string): ApiFailure {
  return badRequest('dataError', errorMessage, { dataError: { reason } })
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  })
}

/** `workflowNotFound` → "Workflow not found.", for reasons an endpoint's table does not list. */
export function sentenceOf(reason: string): string {
  const words = reason.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`
}
