import { z } from 'zod'
import { UUID_PATTERN } from './uuid-pattern.js'
import { filterCondition } from './filter-operators.js'

const isoDatePattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** A date or datetime filter, sent unchanged (the docs pass plain dates like 2025-01-01). */
export const isoDate = z
  .string()
  .regex(isoDatePattern, 'expected an ISO date (2025-01-31) or datetime (2025-01-31T10:00:00Z)')

/** True for `isoDate` and its copies (`.describe()` keeps the check), read through zod's public JSON Schema export. */
export function isIsoDate(schema: z.ZodType): boolean {
  return (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { pattern?: string }).pattern === isoDatePattern.source
}

/** An ISO timestamp in a response. */
export const timestamp = z.string()

/** Any JSON value (required: undefined is refused). */
export const json = z.json()

/** A JSON object with arbitrary keys. */
export const jsonObject = z.record(z.string(), z.json())

/** A UUID given as input: a malformed one is refused before anything is sent (the API would answer 400 or 404). */
export const uuid = z.string().regex(UUID_PATTERN, {
  error: (issue) => `expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ${JSON.stringify(issue.input)}`,
})

/**
 * An id in an answer: any non-empty text. Answers are never refused for the shape of an id the API chose;
 * payloads use `uuid`.
 */
export const anyId = z.string().min(1)

/** Result of calls whose body is ignored (removes, cancels). */
export const voidResult = z.void()

/** `z.object(...).loose()` for entities: the API may add fields; we pass them through. */
export const entity = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape)

/** `"and" | "or"`: the key that carries it is spelled `conjonction` on the wire (entities.md §4.1). */
export const conjonction = z.enum(['and', 'or'], {
  error: (issue) => (issue.input === undefined ? 'missing "conjonction" (French spelling; "conjunction" is not read)' : undefined),
})
export type Conjonction = z.infer<typeof conjonction>

/** How a segment record changed between two snapshots. */
export const changeKind = z.enum(['added', 'updated', 'removed', 'unchanged'])
export type ChangeKind = z.infer<typeof changeKind>

/** Ordering of segment records: `[{columnSlug, kind: asc|desc}]`. */
export const sort = z.array(z.looseObject({ columnSlug: z.string().min(1), kind: z.enum(['asc', 'desc']) }))
export type Sort = z.infer<typeof sort>

/**
 * A segmentation filter (entities.md §4.1), checked only down to its groups: the root and each group
 * need `conjonction` (a misspelled key would silently match nothing); conditions are checked for their
 * operators (filter-operators.ts) and otherwise pass through as sent.
 */
export const filter = z.looseObject({
  conjonction,
  groups: z.array(
    z.looseObject({
      conjonction,
      conditions: z.array(filterCondition),
    }),
  ),
})
export type Filter = z.infer<typeof filter>
