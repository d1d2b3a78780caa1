/**
 * Every command of spec/commands/billing.json against the real command classes, through
 * test/support/spec-table.ts; the traps of the spec notes are in traps.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as billing from '../../../src/api/endpoints/billing.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/billing.js'

describeSpecTable({ topic: 'billing', endpoints: billing, jsonSamples, resultFixtures })

describe('spec/commands/billing.json, in numbers', () => {
  it('lists 11 commands, one per billing endpoint', () => {
    expect(loadSpec('billing').commands).toHaveLength(11)
    expect(endpointsOf(billing)).toHaveLength(11)
  })
})
