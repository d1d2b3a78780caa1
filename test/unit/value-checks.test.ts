/**
 * The checks the fast path evaluates without zod (value-checks.ts) must agree with zod itself: for every
 * payload field of every endpoint whose checks could be written as data, a converted flag value passes
 * them exactly when the field's schema accepts it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
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
import { meetsChecks } from '../../src/cli/value-checks.js'

const endpoints = [ai, billing, connection, orchestration, segmentation, storage, systemOfRecord, userManagement, workspaceManagement].flatMap(
  (module) => Object.values(module).filter((value): value is Endpoint => Boolean(value && typeof value === 'object' && 'payload' in value)),
)
const fields = endpoints.flatMap((endpoint) =>
  payloadFields(endpoint.payload).map((field) => ({ endpoint, field, schema: endpoint.payload.shape[field.field] as z.ZodType })),
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

describe('value checks agree with zod', () => {
  const checked = fields.filter(({ field }) => field.checks && field.kind !== 'boolean' && field.kind !== 'enum')

  it('covers every non-JSON payload field', () => {
    expect(checked.length).toBeGreaterThan(300)
    expect(fields.filter(({ field }) => !field.checks).every(({ field }) => field.kind === 'json')).toBe(true)
  })

  it('a converted value passes the checks exactly when the schema accepts it', () => {
    for (const { endpoint, field, schema } of checked) {
      fc.assert(
        fc.property(valuesFor(field), (value) => {
          const zodSays = schema.safeParse(value).success
          expect({ endpoint: endpoint.name, field: field.field, value, passes: meetsChecks(value, field.checks ?? []) }).toEqual({
            endpoint: endpoint.name,
            field: field.field,
            value,
            passes: zodSays,
          })
        }),
        { numRuns: 30 },
      )
    }
  })
})
