import type { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * What the client needs to send one call and read its answer: plain data, so that it can also be
 * written out at build time for the fast path (src/cli/fast-path.ts) without loading any schema.
 */
export interface WireEndpoint {
  /** `<domain>.<operation>`, e.g. `orchestration.createRun` */
  name: string
  method: HttpMethod
  path: string
  /** where the payload (minus path fields) travels */
  payloadIn: 'body' | 'query' | 'none'
  /** the API's reason codes for this call, with the message a person should read */
  reasons: Record<string, string>
  /** result paths whose nulls are kept (see wire.md §5); `a.b`, `list[].field`, `map.*.field` */
  keepNulls?: readonly string[]
  /** send without the `selected-workspace-uuid` header (userManagement calls) */
  withoutWorkspace?: boolean
  /** safe to repeat: GET, or a read-only POST (list, count, fetch, metrics, validate, compute, preview, query) */
  idempotent?: boolean
  /** the body is plain text (documentation endpoints) */
  textResult?: boolean
  /** the call answers nothing worth reading (`z.void()` results); set by defineEndpoint */
  voidResult?: boolean
}

/**
 * One API call, as data: the client sends it, the CLI derives flags from its payload,
 * the emulator serves it. Paths are relative to `<base>/v1` and may hold `{field}` placeholders
 * that are filled from the payload and removed from the body.
 */
export interface Endpoint<P extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> extends WireEndpoint {
  payload: P
  /** shape of a successful body; `void` results are `z.void()` */
  result: R
}

export type PayloadOf<E> = E extends Endpoint<infer P, z.ZodType> ? z.input<P> : Record<string, unknown>
export type ResultOf<E> = E extends Endpoint<z.ZodObject, infer R> ? z.output<R> : unknown

export function defineEndpoint<P extends z.ZodObject, R extends z.ZodType>(endpoint: Endpoint<P, R>): Endpoint<P, R> {
  return { idempotent: endpoint.method === 'GET', voidResult: endpoint.result.def.type === 'void', ...endpoint }
}

/** Names of the `{placeholders}` in a path. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
}
