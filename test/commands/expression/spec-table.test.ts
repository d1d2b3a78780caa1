/** Every command of spec/commands/expression.json against the real command classes through test/support/spec-table.ts. */
import { describe, expect, it } from 'vitest'
import * as expression from '../../../src/api/endpoints/expression.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/expression.js'

describeSpecTable({
  topic: 'expression',
  endpoints: [expression],
  jsonSamples,
  resultFixtures,
  argSamples: { uuidOrShortId: 'domain-from-email', version: '2' },
})

describe('spec/commands/expression.json, in numbers', () => {
  it('lists 10 commands over 10 expression endpoints', () => {
    expect(loadSpec('expression').commands).toHaveLength(10)
    expect(endpointsOf(expression)).toHaveLength(10)
  })
})
