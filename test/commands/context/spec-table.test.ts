/**
 * Every command of spec/commands/context.json against the real command classes through test/support/spec-table.ts;
 * read-bytes (raw bytes, not JSON) is tested by hand in test/commands/content/read-bytes.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as context from '../../../src/api/endpoints/context.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/context.js'

describeSpecTable({
  topic: 'context',
  endpoints: [context],
  jsonSamples,
  resultFixtures,
  skip: { 'context runtime read-bytes': 'raw bytes streamed to stdout or a file: test/commands/content/read-bytes.test.ts' },
})

describe('spec/commands/context.json, in numbers', () => {
  it('lists 8 commands over 8 context endpoints', () => {
    expect(loadSpec('context').commands).toHaveLength(8)
    expect(endpointsOf(context)).toHaveLength(8)
  })
})
