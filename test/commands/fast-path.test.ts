/**
 * The fast path (src/cli/fast-path.ts) against the same tables as the oclif classes: every spec-table and
 * trap test of every topic runs again here with runCommand taking the fast path wherever bin/run.js would,
 * and must pass unchanged (same requests, same stdout, same exit codes).
 */
import { afterAll, expect, it } from 'vitest'
import { declaredCommands } from '../../src/cli/define-command.js'
import { fastPathMode } from '../support/fast-path-mode.js'
import { useFastPath } from '../support/run-command.js'

const mode = fastPathMode()
const { described, ran } = mode
useFastPath(mode)

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
await import('./workspaceManagement/spec-table.test.js')
await import('./workspaceManagement/traps.test.js')
await import('./content/spec-table.test.js')
await import('./user-management/spec-table.test.js')
await import('../fuzz/command-input.test.js')

it('every command with a fast-path row ran on it above', () => {
  // runs after the imported tests (file order)
  expect(described.size).toBeGreaterThan(180)
  expect([...described].filter((command) => !ran.has(command)).map((command) => declaredCommands.get(command)?.declaration.endpoint.name)).toEqual([])
})

afterAll(() => {
  useFastPath(undefined)
})
