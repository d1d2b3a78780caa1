/**
 * The built commands of spec/commands/content.json (the file commands, formerly `ai file …`) against the real
 * command classes through test/support/spec-table.ts; the rest of the topic is listed in test/support/not-built.ts.
 */
import { describe, expect, it } from 'vitest'
import * as content from '../../../src/api/endpoints/content.js'
import { describeSpecTable, endpointsOf, fixturesOfDomains, loadSpec } from '../../support/spec-table.js'
import { jsonSamples, resultFixtures } from '../../fixtures/ai.js'

describeSpecTable({
  topic: 'content',
  endpoints: [content],
  jsonSamples,
  resultFixtures: fixturesOfDomains(resultFixtures, 'content'),
  skip: { 'content file upload': 'multipart upload of a local file: upload.test.ts' },
  // the raw bytes of a file: no built command reads them yet (the emulator serves them)
  unusedEndpoints: ['content.getFile', 'content.getFileRaw'],
})

describe('spec/commands/content.json, in numbers', () => {
  it('lists 11 commands, 4 of them the former ai file commands, over 6 content endpoints', () => {
    const commands = loadSpec('content').commands
    expect(commands).toHaveLength(11)
    expect(commands.filter((command) => command.aliases?.some((alias) => alias.startsWith('ai file ')))).toHaveLength(4)
    expect(endpointsOf(content)).toHaveLength(6)
  })
})
