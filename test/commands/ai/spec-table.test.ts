/**
 * Every command of spec/commands/ai.json, checked against the real command classes by the generic
 * table (test/support/spec-table.ts): flags and args as declared, the exact HTTP request for a sample
 * of every payload flag, and the exact output for a realistic answer. The commands whose flags do not
 * map one to one onto payload fields are tested by hand in traps.test.ts and upload.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as ai from '../../../src/api/endpoints/ai.js'
import { describeSpecTable, endpointsOf, fixturesOfDomains, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/ai.js'

describeSpecTable({
  topic: 'ai',
  endpoints: [ai],
  jsonSamples,
  argSamples: { slug: 'lead-researcher' },
  resultFixtures: fixturesOfDomains(resultFixtures, 'ai'),
  skip: {
    'ai agent create': '--icon-color and --icon-face build the icon object: traps.test.ts',
    'ai agent update': '--icon-color and --icon-face build the icon object: traps.test.ts',
  },
})

describe('spec/commands/ai.json, in numbers', () => {
  it('lists 43 commands over 42 ai endpoints (the files moved to content)', () => {
    expect(loadSpec('ai').commands).toHaveLength(43)
    expect(endpointsOf(ai)).toHaveLength(42)
  })
})
