/**
 * The table start's checks of flag values, without loading zod: each field's zod schema is exported at
 * build time through zod's public `z.toJSONSchema` (fast-table.ts), and a value that satisfies that JSON
 * Schema needs no zod. Anything else (a failing value, a keyword not read here) goes to the zod schema
 * itself, which has the last word and words the error. So these checks may only ever be stricter than zod.
 */

/** The JSON Schema keywords read here; a schema with any other keyword is not written into the table. */
export interface ValueSchema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'null'
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  items?: ValueSchema
  minItems?: number
  maxItems?: number
  anyOf?: ValueSchema[]
}

const READ = new Set(['type', 'enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'items', 'minItems', 'maxItems', 'anyOf'])
const TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'null'])
/** annotations: they check nothing */
const IGNORED = new Set(['$schema', 'description', 'title', 'examples', 'default', 'format'])

/** The schema as the table keeps it, or undefined when it uses a keyword these checks do not read. */
export function tableSchema(schema: Record<string, unknown>): ValueSchema | undefined {
  const kept: Record<string, unknown> = {}
  for (const [keyword, value] of Object.entries(schema)) {
    if (IGNORED.has(keyword)) continue
    if (!READ.has(keyword) || (keyword === 'type' && !TYPES.has(value as string))) return undefined
    if (keyword === 'items') {
      const items = tableSchema(value as Record<string, unknown>)
      if (!items) return undefined
      kept.items = items
    } else if (keyword === 'anyOf') {
      const options = (value as Record<string, unknown>[]).map(tableSchema)
      if (options.some((option) => !option)) return undefined
      kept.anyOf = options
    } else kept[keyword] = value
  }
  return kept as ValueSchema
}

/** True when `value` satisfies the schema; false means only that zod must look. */
export function satisfies(value: unknown, schema: ValueSchema): boolean {
  if (schema.anyOf && !schema.anyOf.some((option) => satisfies(value, option))) return false
  if (schema.type && !hasType(value, schema.type)) return false
  if (schema.enum && !schema.enum.includes(value)) return false
  if (typeof value === 'string') {
    // zod counts UTF-16 code units, as .length does
    if (schema.minLength !== undefined && value.length < schema.minLength) return false
    if (schema.maxLength !== undefined && value.length > schema.maxLength) return false
    if (schema.pattern !== undefined && !matches(value, schema.pattern)) return false
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return false
    if (schema.maximum !== undefined && value > schema.maximum) return false
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return false
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return false
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return false
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return false
    if (schema.items && !value.every((element) => satisfies(element, schema.items!))) return false
  }
  return true
}

/** zod's regex flags do not reach JSON Schema: without them the test is as strict or stricter (case), never looser */
function matches(value: string, pattern: string): boolean {
  try {
    return new RegExp(pattern).test(value)
  } catch {
    return false
  }
}

function hasType(value: unknown, type: NonNullable<ValueSchema['type']>): boolean {
  switch (type) {
    case 'null':
      return value === null
    case 'array':
      return Array.isArray(value)
    case 'integer':
      return Number.isSafeInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    default:
      return typeof value === type
  }
}
