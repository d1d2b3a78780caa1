/**
 * The table start's checks (schema-checks.ts, read from zod's own JSON Schema export) may only be stricter
 * than zod: a converted flag value they pass, zod accepts. A value they refuse goes to zod, which decides.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import * as ai from '../../src/api/endpoints/ai.js'
import * as billing from '../../src/api/endpoints/billing.js'
import * as connection from '../../src/api/endpoints/connection.js'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import * as segmentation from '../../src/api/endpoints/segmentation.js'
import * as storage from '../../src/api/endpoints/storage.js'
import * as systemOfRecord from '../../src/api/endpoints/system-of-record.js'
import * as userManagement from '../../src/api/endpoints/user-management.js'
import * as workspaceManagement from '../../src/api/endpoints/workspace-management.js'
import type { Endpoint } from '../../src/api/endpoint.js'
import type { PayloadField } from '../../src/cli/flag-values.js'
import { payloadFields } from '../../src/cli/payload-flags.js'
import { satisfies, tableSchema, type ValueSchema } from '../../src/cli/schema-checks.js'

const endpoints = [ai, billing, connection, orchestration, segmentation, storage, systemOfRecord, userManagement, workspaceManagement].flatMap(
  (module) => Object.values(module).filter((value): value is Endpoint => Boolean(value && typeof value === 'object' && 'payload' in value)),
)
const fields = endpoints.flatMap((endpoint) =>
  payloadFields(endpoint.payload).map((field) => {
    const schema = endpoint.payload.shape[field.field] as z.ZodType
    // as scripts/build-fast-path.js writes it (fast-table.ts)
    const checks = tableSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>)
    return { endpoint, field, schema, checks }
  }),
)

/** Values of the type a flag of this kind converts to. */
function valuesFor(field: PayloadField): fc.Arbitrary<unknown> {
  const text = fc.oneof(
    fc.string(),
    fc.uuid(),
    fc.constantFrom('', '2025-01-31', '2025-01-31T10:00:00Z', '2025-13-45', 'v', 'null', ...(field.options ?? [])),
  )
  switch (field.kind) {
    case 'integer':
      return fc.oneof(fc.integer({ min: -5, max: 1005 }), fc.maxSafeInteger(), fc.constant(0))
    case 'number':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-1, 0, 0.5, 1, 2))
    case 'csv':
      return fc.array(text, { maxLength: 4 })
    default:
      return text
  }
}

describe('the table checks never pass what zod refuses', () => {
  const checked = fields.filter(({ checks }) => checks)

  it('cover every scalar and list field (JSON values are left to zod)', () => {
    expect(checked.length).toBeGreaterThan(300)
    expect(fields.filter(({ field, checks }) => !checks && field.kind !== 'json').map(({ endpoint, field }) => `${endpoint.name}.${field.field}`)).toEqual([])
  })

  it('a converted value they pass, the schema accepts; and they pass the ordinary values zod accepts', () => {
    let agreed = 0
    let total = 0
    for (const { endpoint, field, schema, checks } of checked) {
      fc.assert(
        fc.property(valuesFor(field), (value) => {
          const zodSays = schema.safeParse(value).success
          const passes = satisfies(value, checks as ValueSchema)
          total++
          if (passes === zodSays) agreed++
          if (passes) expect({ endpoint: endpoint.name, field: field.field, value, zodSays }).toEqual({ endpoint: endpoint.name, field: field.field, value, zodSays: true })
        }),
        { numRuns: 30 },
      )
    }
    // stricter is safe but costs zod's load: nearly every value is decided without it
    expect(agreed / total).toBeGreaterThan(0.99)
  })

  it('a schema with a keyword the checks do not read is not written into the table', () => {
    expect(tableSchema({ type: 'object', properties: {} })).toBeUndefined()
    expect(tableSchema({ type: 'array', items: { type: 'object' } })).toBeUndefined()
    expect(tableSchema({ $schema: 'x', description: 'd', type: 'string', minLength: 1 })).toEqual({ type: 'string', minLength: 1 })
  })

  it('reads type, bounds, lengths, patterns, enums, items and anyOf', () => {
    expect(satisfies(5, { type: 'integer', minimum: 1, maximum: 5 })).toBe(true)
    expect(satisfies(5, { type: 'integer', exclusiveMaximum: 5 })).toBe(false)
    expect(satisfies(1.5, { type: 'integer' })).toBe(false)
    expect(satisfies('ab', { type: 'string', minLength: 3 })).toBe(false)
    expect(satisfies('ABC', { type: 'string', pattern: '^[a-z]+$' })).toBe(false)
    expect(satisfies(null, { anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe(true)
    expect(satisfies(['a', 'c'], { type: 'array', items: { type: 'string', enum: ['a', 'b'] } })).toBe(false)
    expect(satisfies([], { type: 'array', minItems: 1 })).toBe(false)
    expect(satisfies('x', { type: 'string', pattern: '[' })).toBe(false)
  })
})
