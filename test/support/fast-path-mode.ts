/**
 * The fast path as bin/run.js takes it, in-process: rows built from the oclif classes as
 * scripts/build-fast-path.js builds them, endpoint modules from src/. Given to useFastPath (run-command.ts),
 * it makes runCommand run on the fast path whatever the fast path accepts.
 */
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
import { endpointLocations, fastRowFor } from '../../src/cli/fast-table.js'
import type { FastPathMode } from './run-command.js'

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

/** A fresh mode; `described` collects the command classes that have a row, `ran` those that ran on the fast path. */
export function fastPathMode(): FastPathMode & { described: Set<object> } {
  const locations = endpointLocations(modules)
  const described = new Set<object>()
  return {
    rowFor: (command) => {
      const row = fastRowFor('test', command as never, locations)
      if (row) described.add(command)
      return row
    },
    loadDefinitions: async (module) => modules[module] as never,
    ran: new Set<object>(),
    described,
  }
}
