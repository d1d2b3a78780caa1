import type { z } from 'zod'
import type { Endpoint } from '../../api/endpoint.js'
import { ApiFailure, type ErrorBody } from './http.js'

/**
 * Turns a request into the endpoint's payload (path parameters + JSON body or query string) and checks it
 * with the endpoint's own zod schema, as the real API does with its own.
 */

// ---------------------------------------------------------------------------------------------
// Query strings, qs-style (wire.md §4, emulator parsing REC)

type QueryValue = string | QueryValue[] | { [key: string]: QueryValue }
type QueryObject = { [key: string]: QueryValue }

function decode(text: string): string {
  const spaced = text.replaceAll('+', ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return spaced
  }
}

/** `a[b][0][]` → `['a', 'b', '0', '']` */
function keyPath(key: string): string[] {
  const head = /^[^[]*/.exec(key)?.[0] ?? key
  const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])
  return [head, ...rest]
}

export function parseQuery(search: string): QueryObject {
  const root: QueryObject = {}
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    const key = decode(eq < 0 ? pair : pair.slice(0, eq))
    const value = decode(eq < 0 ? '' : pair.slice(eq + 1))
    assign(root, keyPath(key), value)
  }
  return root
}

function assign(root: QueryObject, path: string[], value: string): void {
  let parent: QueryObject | QueryValue[] = root
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]
    const last = i === path.length - 1
    if (Array.isArray(parent)) {
      parent = descendArray(parent, segment, path[i + 1], last, value)
      if (last) return
      continue
    }
    if (last) {
      parent[segment] = segment in parent ? ([] as QueryValue[]).concat(parent[segment], value) : value
      return
    }
    parent[segment] ??= path[i + 1] === '' || /^\d+$/.test(path[i + 1]) ? [] : {}
    parent = parent[segment] as QueryObject | QueryValue[]
  }
}

/**
 * `[]` appends; `[]` followed by a key fills the last element while it lacks that key, so that
 * `sort[][columnSlug]=a&sort[][kind]=asc` gives one object.
 */
function descendArray(array: QueryValue[], segment: string, nextKey: string | undefined, last: boolean, value: string) {
  const index = segment === '' ? undefined : Number(segment)
  if (last) {
    if (index === undefined) array.push(value)
    else array[index] = value
    return array
  }
  const container = (): QueryObject | QueryValue[] => (nextKey === '' || /^\d+$/.test(nextKey ?? '') ? [] : {})
  if (index !== undefined) {
    array[index] ??= container()
    return array[index] as QueryObject | QueryValue[]
  }
  const lastItem = array[array.length - 1]
  const reusable = lastItem && typeof lastItem === 'object' && !Array.isArray(lastItem) && nextKey !== undefined && !(nextKey in lastItem)
  if (reusable) return lastItem as QueryObject
  const fresh = container()
  array.push(fresh)
  return fresh
}

// ---------------------------------------------------------------------------------------------
// Coercion of query strings by the payload schema

interface Def {
  type: string
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  shape?: Record<string, z.ZodType>
}

function defOf(schema: z.ZodType): Def {
  return schema.def as unknown as Def
}

const wrappers = new Set(['optional', 'nullable', 'default', 'readonly', 'catch', 'nonoptional', 'prefault'])

/** Every query value is text: read numbers, booleans and single array items as the schema expects them. */
export function coerce(value: unknown, schema: z.ZodType): unknown {
  const def = defOf(schema)
  if (wrappers.has(def.type) && def.innerType) return coerce(value, def.innerType)
  if (def.type === 'pipe' && def.in) return coerce(value, def.in)
  if (value === undefined) return value
  switch (def.type) {
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value
    case 'number':
    case 'bigint':
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value
    case 'array': {
      const items = Array.isArray(value) ? value : [value]
      return def.element ? items.map((item) => coerce(item, def.element as z.ZodType)) : items
    }
    case 'object':
      return coerceObject(value, def.shape ?? {})
    default:
      return value
  }
}

function coerceObject(value: unknown, shape: Record<string, z.ZodType>): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  for (const [key, sub] of Object.entries(shape)) if (key in out) out[key] = coerce(out[key], sub)
  return out
}

// ---------------------------------------------------------------------------------------------
// Reading and validating

export interface RawRequest {
  params: Record<string, string>
  search: string
  bodyText: string
}

function readBody(text: string): Record<string, unknown> {
  if (!text.trim()) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ApiFailure(400, { errorMessage: 'The request body is not valid JSON', reason: 'invalidPayload' })
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiFailure(400, { errorMessage: 'The request body must be a JSON object', reason: 'invalidPayload' })
  }
  return parsed as Record<string, unknown>
}

export function rawPayload(endpoint: Endpoint, request: RawRequest): Record<string, unknown> {
  switch (endpoint.payloadIn) {
    case 'body':
      return { ...readBody(request.bodyText), ...request.params }
    case 'query':
      return { ...(coerce(parseQuery(request.search), endpoint.payload) as Record<string, unknown>), ...request.params }
    case 'none':
      return { ...request.params }
  }
}

export function validatePayload(endpoint: Endpoint, raw: Record<string, unknown>): Record<string, unknown> {
  const result = endpoint.payload.safeParse(raw)
  if (result.success) return result.data as Record<string, unknown>
  throw new ApiFailure(400, { errorMessage: describeIssues(result.error.issues), ...validationReason(endpoint, raw, result.error.issues) })
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'payload'
    return `${field}: ${issue.message}`
  })
  return `Invalid payload: ${parts.join('; ')}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`
}

/** The reason the real API gives for a refused payload, where the endpoint declares a specific one. */
function validationReason(endpoint: Endpoint, raw: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): ErrorBody {
  const declares = (reason: string) => Object.hasOwn(endpoint.reasons, reason)
  if (declares('invalidReleaseOrCustomNodes') && raw.releaseUuid !== undefined && raw.nodes !== undefined) {
    return { reason: 'invalidReleaseOrCustomNodes' }
  }
  if (declares('invalidData')) return { reason: 'invalidData' }
  if (declares('dataError.invalidData') && issues.every((issue) => issue.path[0] === 'data')) {
    return { reason: 'dataError', dataError: { reason: 'invalidData' } }
  }
  return { reason: 'invalidPayload' }
}
