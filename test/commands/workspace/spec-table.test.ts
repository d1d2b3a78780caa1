/**
 * Every command of spec/commands/workspace.json against the real command classes (flags, args, the
 * exact request for a sample of every payload flag, the exact output), through test/support/spec-table.ts.
 * The traps of the spec notes are tested by hand in traps.test.ts, the upload in upload.test.ts.
 */
import { describe, expect, it } from 'vitest'
import * as userManagement from '../../../src/api/endpoints/user-management.js'
import * as workspaceManagement from '../../../src/api/endpoints/workspace-management.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/workspace.js'

describeSpecTable({
  topic: 'workspace',
  endpoints: [workspaceManagement, userManagement],
  jsonSamples,
  resultFixtures,
  skip: { 'workspace file upload': 'a local file, sent as multipart or S3 parts: see upload.test.ts' },
  unusedEndpoints: [
    'workspaceManagement.startMultipartUpload',
    'workspaceManagement.signMultipartUploadPart',
    'workspaceManagement.completeMultipartUpload',
    'workspaceManagement.abortMultipartUpload',
  ],
})

describe('spec/commands/workspace.json, in numbers', () => {
  it('lists 27 commands over 31 endpoints (one each, plus the 4 multipart steps of file upload)', () => {
    expect(loadSpec('workspace').commands).toHaveLength(27)
    expect(endpointsOf([workspaceManagement, userManagement])).toHaveLength(31)
  })
})
