import { z } from 'zod'
import { isIsoDate } from '../api/schemas/common.js'
import type { FlagKind, PayloadField } from './flag-values.js'

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
  return { field, flag: kebabCase(field), kind, required, nullable, options, description, ...object }
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

function enumOptions(schema: z.ZodType): string[] {
  return (schema as z.ZodEnum).options.map(String)
}

function isInteger(schema: z.ZodType): boolean {
  const format = (schema as unknown as { format?: string | null }).format
  return typeof format === 'string' && /int/.test(format)
}
