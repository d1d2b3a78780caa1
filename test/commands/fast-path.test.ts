/**
 * The fast path (src/cli/fast-path.ts) against the same tables as the oclif classes: every spec-table and
 * trap test of every topic runs again here with runCommand taking the fast path wherever bin/run.js would,
 * and must pass unchanged (same requests, same stdout, same exit codes).
 */
import { afterAll, expect, it } from 'vitest'
import * as ai from '../../src/api/endpoints/ai.js'
import * as billing from '../../src/api/endpoints/billing.js'
import * as connection from '../../src/api/endpoints/connection.js'
import * as content from '../../src/api/endpoints/content.js'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import * as segmentation from '../../src/api/endpoints/segmentation.js'
import * as storage from '../../src/api/endpoints/storage.js'
import * as systemOfRecord from '../../src/api/endpoints/system-of-record.js'
import * as userManagement from '../../src/api/endpoints/user-management.js'
import * as workspaceManagement from '../../src/api/endpoints/workspace-management.js'
import { declaredCommands } from '../../src/cli/define-command.js'
import { endpointLocations, fastRowFor } from '../../src/cli/fast-table.js'
import { useFastPath } from '../support/run-command.js'

const modules: Record<string, Record<string, unknown>> = {
  'api/endpoints/ai.js': ai,
  'api/endpoints/billing.js': billing,
  'api/endpoints/connection.js': connection,
  'api/endpoints/content.js': content,
  'api/endpoints/orchestration.js': orchestration,
  'api/endpoints/segmentation.js': segmentation,
  'api/endpoints/storage.js': storage,
  'api/endpoints/system-of-record.js': systemOfRecord,
  'api/endpoints/user-management.js': userManagement,
  'api/endpoints/workspace-management.js': workspaceManagement,
}
const locations = endpointLocations(modules)
const ran = new Set<object>()
const described = new Set<object>()
useFastPath({
  rowFor: (command) => {
    const row = fastRowFor('test', command as never, locations)
    if (row) described.add(command)
    return row
  },
  loadDefinitions: async (module) => modules[module] as never,
  ran,
})

await import('./ai/spec-table.test.js')
await import('./ai/traps.test.js')
await import('./billing/spec-table.test.js')
await import('./billing/traps.test.js')
await import('./connection/spec-table.test.js')
await import('./orchestration/spec-table.test.js')
await import('./orchestration/errors.test.js')
await import('./orchestration/downloads.test.js')
await import('./segmentation/spec-table.test.js')
await import('./storage/spec-table.test.js')
await import('./system-of-record/spec-table.test.js')
await import('./workspace/spec-table.test.js')
await import('./workspace/traps.test.js')
await import('../fuzz/command-input.test.js')

it('every command with a fast-path row ran on it above', () => {
  // runs after the imported tests (file order)
  expect(described.size).toBeGreaterThan(180)
  expect([...described].filter((command) => !ran.has(command)).map((command) => declaredCommands.get(command)?.declaration.endpoint.name)).toEqual([])
})

afterAll(() => {
  useFastPath(undefined)
})
