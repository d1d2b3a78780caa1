/**
 * spec/commands/user-management.json (formerly `workspace current-user …`) against the real command classes
 * through test/support/spec-table.ts. That these calls go without the workspace header is in
 * test/commands/workspaceManagement/traps.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as userManagement from '../../../src/api/endpoints/user-management.js'
import { describeSpecTable, endpointsOf, fixturesOfDomains, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/workspace.js'

describeSpecTable({
  topic: 'user-management',
  endpoints: [userManagement],
  jsonSamples,
  resultFixtures: fixturesOfDomains(resultFixtures, 'userManagement'),
})

describe('spec/commands/user-management.json, in numbers', () => {
  it('lists the 2 commands renamed from workspace current-user, over 2 endpoints', () => {
    expect(loadSpec('user-management').commands.flatMap((command) => command.aliases)).toEqual(['workspace current-user get', 'workspace current-user update'])
    expect(endpointsOf(userManagement)).toHaveLength(2)
  })
})
