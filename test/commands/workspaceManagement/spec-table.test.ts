/**
 * Every built command of spec/commands/workspaceManagement.json against the real command classes (flags, args, the
 * exact request for a sample of every payload flag, the exact output), through test/support/spec-table.ts.
 * The traps of the spec notes are tested by hand in traps.test.ts, the upload in upload.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as workspaceManagement from '../../../src/api/endpoints/workspace-management.js'
import { describeSpecTable, endpointsOf, fixturesOfDomains, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/workspace.js'

describeSpecTable({
  topic: 'workspaceManagement',
  endpoints: [workspaceManagement],
  jsonSamples,
  resultFixtures: fixturesOfDomains(resultFixtures, 'workspaceManagement'),
  skip: { 'workspaceManagement file upload': 'a local file, sent as multipart or S3 parts: see upload.test.ts' },
  unusedEndpoints: [
    'workspaceManagement.startMultipartUpload',
    'workspaceManagement.signMultipartUploadPart',
    'workspaceManagement.completeMultipartUpload',
    'workspaceManagement.abortMultipartUpload',
  ],
})

describe('spec/commands/workspaceManagement.json, in numbers', () => {
  it('lists 28 commands (25 renamed from workspace, 3 envVar not built) over 29 endpoints (the 4 multipart steps of file upload too)', () => {
    const commands = loadSpec('workspaceManagement').commands
    expect(commands).toHaveLength(28)
    expect(commands.filter((command) => command.aliases?.[0]?.startsWith('workspace '))).toHaveLength(25)
    expect(endpointsOf([workspaceManagement])).toHaveLength(29)
  })
})
