/**
 * Every command of spec/commands/content.json (files, formerly `ai file …`, and libraries) against the real command
 * classes through test/support/spec-table.ts. The upload and read-bytes are tested by hand beside it.
 */
import { describe, expect, it } from 'vitest'
import * as content from '../../../src/api/endpoints/content.js'
import { describeSpecTable, endpointsOf, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/content.js'

describeSpecTable({
  topic: 'content',
  endpoints: [content],
  jsonSamples,
  resultFixtures,
  skip: {
    'content file upload': 'multipart upload of a local file: upload.test.ts',
    'content file read-bytes': 'raw bytes streamed to stdout or a file: read-bytes.test.ts',
  },
})

describe('spec/commands/content.json, in numbers', () => {
  it('lists 11 commands, 4 of them the former ai file commands, over 11 content endpoints', () => {
    const commands = loadSpec('content').commands
    expect(commands).toHaveLength(11)
    expect(commands.filter((command) => command.aliases?.some((alias) => alias.startsWith('ai file ')))).toHaveLength(4)
    expect(endpointsOf(content)).toHaveLength(11)
  })
})
