/**
 * --raw, AWS-style backtick literals and --format table through real commands (issue 11 point 5), on oclif
 * and on the fast path: both must print the same bytes. test/e2e/output.e2e.test.ts runs bin/run.js itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ListChats from '../../../src/commands/ai/chat/list.js'
import NodeDiagram from '../../../src/commands/orchestration/node/diagram.js'
import CreateRun from '../../../src/commands/orchestration/run/create.js'
import GetRun from '../../../src/commands/orchestration/run/get.js'
import ListRuns from '../../../src/commands/orchestration/run/list.js'
import Version from '../../../src/commands/version.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { fastPathMode } from '../../support/fast-path-mode.js'
import { runCommand, signedInEnv, useFastPath } from '../../support/run-command.js'

const WORKFLOW = '00000000-0000-4000-8000-000000000102'
const RUN = '6f1e2d3c-4b5a-4968-8776-655443322110'
const runs = [
  { uuid: RUN, workflowUuid: WORKFLOW, status: 'success', data: { domain: 'acme.com' } },
  { uuid: '6f1e2d3c-4b5a-4968-8776-655443322111', workflowUuid: WORKFLOW, status: 'error', data: { domain: 'x.invalid' } },
]
const chats = [
  { uuid: 'c-1', name: 'Company enrichment', agentUuid: 'a-1' },
  { uuid: 'c-2', name: 'EVIL\u001b]0;pwned\u0007', agentUuid: 'a-2' },
]

const mode = fastPathMode()

describe.each([
  { path: 'oclif', fast: false },
  { path: 'the fast path', fast: true },
])('on $path', ({ fast }) => {
  beforeAll(() => useFastPath(fast ? mode : undefined))
  afterAll(() => useFastPath(undefined))
  const expectRanOnFastPath = (command: object) => expect(mode.ran.has(command)).toBe(fast)

  it('--query uuid --raw prints the bare value, ready for $(…)', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: runs[0] })
    const result = await runCommand(GetRun, [RUN, '--query', 'run.uuid', '--raw'])
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([0, `${RUN}\n`, ''])
    expectRanOnFastPath(GetRun)
  })

  it('a list of strings prints one per line', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', { runs, count: 2 })
    const result = await runCommand(ListRuns, ['--query', 'runs[].data.domain', '--raw'])
    expect([result.exitCode, result.stdout]).toEqual([0, 'acme.com\nx.invalid\n'])
    expectRanOnFastPath(ListRuns)
  })

  it('--raw true and --no-raw are boolean forms like any flag', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: runs[0] })
    expect((await runCommand(GetRun, [RUN, '--query', 'run.status', '--raw', 'true'])).stdout).toBe('success\n')
    expect((await runCommand(GetRun, [RUN, '--query', 'run.status', '--raw', 'false'])).stdout).toBe('"success"\n')
    expect((await runCommand(GetRun, [RUN, '--query', 'run.status', '--no-raw'])).stdout).toBe('"success"\n')
  })

  it('an AWS-style filter with a backtick literal selects by name (legacy text literal and JSON literal alike)', async () => {
    stubApi('GET', '/v1/ai/chats/list', { chats })
    const legacy = await runCommand(ListChats, ['--query', 'chats[?name==`Company enrichment`].uuid | [0]', '--raw'])
    const json = await runCommand(ListChats, ['--query', 'chats[?name==`"Company enrichment"`].agentUuid'])
    expect([legacy.exitCode, legacy.stdout]).toEqual([0, 'c-1\n'])
    expect([json.exitCode, json.json()]).toEqual([0, ['a-1']])
    expectRanOnFastPath(ListChats)
  })

  it('raw text into a pipe is exact: a control character from the API reaches the reader as it was sent', async () => {
    stubApi('GET', '/v1/ai/chats/list', { chats })
    const result = await runCommand(ListChats, ['--query', 'chats[].name', '--raw'])
    expect(result.stdout).toBe('Company enrichment\nEVIL\u001b]0;pwned\u0007\n')
  })

  it('--raw with --format table: exit 2 and nothing sent', async () => {
    stubApi('POST', '/v1/orchestration/runs', { run: runs[0] })
    const result = await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', '{}', '--raw', '--format', 'table'])
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: '--raw prints values for a shell to capture and --format table draws them for people: give one of them' })
    expect(requests).toEqual([])
    expectRanOnFastPath(CreateRun)
  })

  it('an error stays the JSON error object with --raw', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { errorMessage: 'Run not found', reason: 'runNotFound' }, 404)
    const result = await runCommand(GetRun, [RUN, '--query', 'run.uuid', '--raw'])
    expect([result.exitCode, result.json()]).toEqual([1, { errorMessage: 'Run not found', reason: 'runNotFound', status: 404 }])
  })

  it('--format table fits COLUMNS: nested data summarised or left out, every line at most that wide', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', { runs: runs.map((run) => ({ ...run, errorMessage: 'Something went wrong. '.repeat(30) })), count: 2 })
    const result = await runCommand(ListRuns, ['--format', 'table'], { env: signedInEnv({ COLUMNS: '70' }) })
    const lines = result.stdout.trimEnd().split('\n')
    expect(result.exitCode).toBe(0)
    expect(lines.slice(0, -1).map((line) => line.length)).toEqual(new Array(lines.length - 1).fill(70))
    expect(lines[1]).toMatch(/^│ uuid +│ status +│ errorMessage +│$/)
    expect(lines[3]).toMatch(new RegExp(`^│ ${RUN} │ success │ Something went w… │$`))
    expect(lines.at(-1)).toBe('2 more columns not shown: workflowUuid, data (--query picks columns,…')
  })
})

describe('commands that are not declarations take --raw too', () => {
  it('version --query version --raw', async () => {
    const result = await runCommand(Version, ['--query', 'version', '--raw'])
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\S*\n$/)
  })

  it("node diagram keeps its own --raw (the drawing itself), which the global one does not shadow", async () => {
    const nodes = JSON.stringify([
      { uuid: 'a', slug: 'start', kind: 'native', actionSlug: 'start', config: {}, childrenUuids: ['b'] },
      { uuid: 'b', slug: 'end', kind: 'native', actionSlug: 'end', config: {}, childrenUuids: [] },
    ])
    const result = await runCommand(NodeDiagram, ['--nodes', nodes, '--raw'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/^```mermaid\n/)
  })
})
