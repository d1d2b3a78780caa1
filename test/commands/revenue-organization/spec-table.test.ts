/**
 * Every command of spec/commands/revenue-organization.json against the real command classes (flags, args, the
 * exact request for a sample of every payload flag, the exact output) through test/support/spec-table.ts.
 */
import { describe, expect, it } from 'vitest'
import * as revenueOrganization from '../../../src/api/endpoints/revenue-organization.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/revenue-organization.js'

describeSpecTable({
  topic: 'revenue-organization',
  endpoints: [revenueOrganization],
  jsonSamples,
  resultFixtures,
})

describe('spec/commands/revenue-organization.json, in numbers', () => {
  it('lists 19 commands over 19 endpoints', () => {
    expect(loadSpec('revenue-organization').commands).toHaveLength(19)
    expect(endpointsOf(revenueOrganization)).toHaveLength(19)
  })
})
