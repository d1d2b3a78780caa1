/**
 * Every command of spec/commands/observability.json against the real command classes through
 * test/support/spec-table.ts; alert create and update read some flags themselves (--disabled, --enabled
 * true|false, none) and are tested by hand in alert.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as observability from '../../../src/api/endpoints/observability.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { alertUuid, jsonSamples, resultFixtures } from '../../fixtures/observability.js'

describeSpecTable({
  topic: 'observability',
  endpoints: [observability],
  jsonSamples,
  resultFixtures,
  argSamples: { alertUuid },
  skip: {
    'observability alert create': '--disabled sends isEnabled: false: alert.test.ts',
    'observability alert update': '--enabled true|false and the none sentinel: alert.test.ts',
  },
})

describe('spec/commands/observability.json, in numbers', () => {
  it('lists 8 commands over 8 observability endpoints', () => {
    expect(loadSpec('observability').commands).toHaveLength(8)
    expect(endpointsOf(observability)).toHaveLength(8)
  })
})
