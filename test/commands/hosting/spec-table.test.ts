/**
 * The built commands of spec/commands/hosting.json against the real command classes (flags, args, the exact
 * request for a sample of every payload flag, the exact output) through test/support/spec-table.ts. The
 * deployment upload (a local directory) is tested in deployment-create.test.ts, the local scaffolds in init.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as hosting from '../../../src/api/endpoints/hosting.js'
import { describeSpecTable, endpointsOf, loadSpec, without } from '../../support/spec-table.js'
import { NOT_BUILT } from '../../support/not-built.js'
import { jsonSamples, resultFixtures } from '../../fixtures/hosting.js'

const eitherParent = [without('worker-uuid'), without('app-uuid')]

describeSpecTable({
  topic: 'hosting',
  endpoints: [hosting],
  jsonSamples,
  resultFixtures,
  invocations: {
    'hosting deployment list': eitherParent,
    'hosting deployment count': eitherParent,
    'hosting deployment get-promoted': eitherParent,
  },
  skip: { 'hosting deployment create': 'reads a local directory: deployment-create.test.ts' },
})

describe('spec/commands/hosting.json, in numbers', () => {
  it('lists 22 commands over 19 endpoints; of the three local ones, app env is not built (the inits: init.test.ts)', () => {
    const commands = loadSpec('hosting').commands
    expect(commands).toHaveLength(22)
    expect(commands.filter((command) => command.request === null).map((command) => command.id).sort()).toEqual([
      'hosting app env',
      'hosting app init',
      'hosting worker init',
    ])
    expect(commands.filter((command) => command.id in NOT_BUILT).map((command) => command.id)).toEqual(['hosting app env'])
    expect(endpointsOf(hosting)).toHaveLength(19)
  })
})
