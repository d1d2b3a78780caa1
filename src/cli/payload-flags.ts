import { z } from 'zod'
import { isIsoDate } from '../api/schemas/common.js'
import type { FlagKind, PayloadField } from './flag-values.js'
import type { ValueCheck } from './value-checks.js'

export type { PayloadField } from './flag-values.js'

export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase()
}

/**
 * Reads a payload schema's fields: string → string, enum → options, int → integer, number → number,
 * boolean → boolean, array of scalars → csv, ISO date → date, anything else → json (DESIGN.md).
 */
export function payloadFields(payload: z.ZodObject): PayloadField[] {
  return Object.entries(payload.shape).map(([field, schema]) => describeField(field, schema as z.ZodType))
}

function describeField(field: string, schema: z.ZodType): PayloadField {
  let required = true
  let nullable = false
  let description = schema.description
  let inner = schema
  for (;;) {
    const type = inner.def.type
    if (type === 'optional' || type === 'default' || type === 'prefault') required = false
    else if (type === 'nullable') nullable = true
    else break
    inner = (inner.def as unknown as { innerType: z.ZodType }).innerType
    description ??= inner.description
  }
  const { kind, options } = kindOf(inner)
  const object = kind === 'json' && takesOnlyObjects(inner) ? { object: true } : {}
  return { field, flag: kebabCase(field), kind, required, nullable, options, description, ...object, checks: checksOf(inner, kind) }
}

/** z.object, z.record, or a union of them (batch data kinds): the flag needs a JSON object. */
function takesOnlyObjects(schema: z.ZodType): boolean {
  const type = schema.def.type
  if (type === 'object' || type === 'record') return true
  if (type === 'union') return (schema.def as unknown as { options: z.ZodType[] }).options.every(takesOnlyObjects)
  return false
}

function kindOf(schema: z.ZodType): { kind: FlagKind; options?: string[] } {
  switch (schema.def.type) {
    case 'string':
      return { kind: isIsoDate(schema) ? 'date' : 'string' }
    case 'enum':
      return { kind: 'enum', options: enumOptions(schema) }
    case 'number':
      return { kind: isInteger(schema) ? 'integer' : 'number' }
    case 'boolean':
      return { kind: 'boolean' }
    case 'array': {
      const element = (schema as z.ZodArray).element as z.ZodType
      const type = element.def.type
      if (type === 'string') return { kind: 'csv' }
      if (type === 'enum') return { kind: 'csv', options: enumOptions(element) }
      return { kind: 'json' }
    }
    default:
      return { kind: 'json' }
  }
}

/**
 * The schema's checks as data (see value-checks.ts), or undefined when one of them cannot be written so.
 * Enums need none (oclif and the fast path both refuse other values); integers are safe integers by conversion.
 */
function checksOf(schema: z.ZodType, kind: FlagKind): ValueCheck[] | undefined {
  switch (kind) {
    case 'enum':
    case 'boolean':
      return []
    case 'string':
    case 'date':
    case 'integer':
    case 'number':
      return scalarChecks(schema, kind)
    case 'csv': {
      const element = (schema as z.ZodArray).element as z.ZodType
      const own = scalarChecks(schema, kind)
      const each = element.def.type === 'enum' ? [{ check: 'oneOf' as const, values: enumOptions(element) }] : scalarChecks(element, 'string')
      return own && each ? [...own, { check: 'each', checks: each }] : undefined
    }
    default:
      return undefined
  }
}

function scalarChecks(schema: z.ZodType, kind: FlagKind): ValueCheck[] | undefined {
  const def = schema.def as { format?: string; pattern?: RegExp; checks?: Array<{ _zod: { def: Record<string, unknown> } }> }
  const checks: ValueCheck[] = []
  if (def.format !== undefined) {
    if (def.pattern) checks.push(patternCheck(def.pattern))
    else if (!(kind === 'integer' && def.format === 'safeint')) return undefined
  }
  for (const check of def.checks ?? []) {
    const spec = check._zod.def
    if (spec.check === 'min_length' || spec.check === 'max_length') checks.push({ check: spec.check === 'min_length' ? 'minLength' : 'maxLength', value: Number(spec.minimum ?? spec.maximum) })
    else if (spec.check === 'string_format' && spec.pattern instanceof RegExp) checks.push(patternCheck(spec.pattern))
    else if (spec.check === 'greater_than' || spec.check === 'less_than') checks.push({ check: spec.check === 'greater_than' ? 'min' : 'max', value: Number(spec.value), inclusive: Boolean(spec.inclusive) })
    else return undefined
  }
  return checks
}

function patternCheck(pattern: RegExp): ValueCheck {
  return { check: 'pattern', source: pattern.source, flags: pattern.flags.replace(/[gy]/g, '') }
}

function enumOptions(schema: z.ZodType): string[] {
  return (schema as z.ZodEnum).options.map(String)
}

function isInteger(schema: z.ZodType): boolean {
  const format = (schema as unknown as { format?: string | null }).format
  return typeof format === 'string' && /int/.test(format)
}
