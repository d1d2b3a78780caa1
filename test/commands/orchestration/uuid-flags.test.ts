/**
 * Issue 11 point 5 / issue 10 point 4: a malformed UUID in any `*-uuid` flag (body and query fields, lists,
 * UUIDs inside JSON payloads, client-side filters) is refused before any request, exit 2, naming the flag;
 * on oclif and on the fast path alike. Answers are never refused for the shape of the ids the API sends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import CreateBatch from '../../../src/commands/orchestration/batch/create.js'
import ListBatches from '../../../src/commands/orchestration/batch/list.js'
import GetRun from '../../../src/commands/orchestration/run/get.js'
import ListRuns from '../../../src/commands/orchestration/run/list.js'
import ListModels from '../../../src/commands/storage/model/list.js'
import ListRelationships from '../../../src/commands/storage/relationship/list.js'
import ListPlays from '../../../src/commands/orchestration/play/list.js'
import ListTools from '../../../src/commands/orchestration/tool/list.js'
import Ask from '../../../src/commands/ask.js'
import Login from '../../../src/commands/login.js'
import { cleanEnv, cli, freshConfigDir } from '../../e2e/cli-process.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { fastPathMode } from '../../support/fast-path-mode.js'
import { runCommand, useFastPath } from '../../support/run-command.js'

const WORKFLOW = '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b'
const RUN = '6f1e2d3c-4b5a-4968-8776-655443322110'
const refusal = (label: string, value: string) => `Invalid input: ${label}: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ${JSON.stringify(value)}`

const mode = fastPathMode()

describe.each([
  { path: 'oclif', fast: false },
  { path: 'the fast path', fast: true },
])('on $path', ({ fast }) => {
  beforeAll(() => useFastPath(fast ? mode : undefined))
  afterAll(() => useFastPath(undefined))

  it.each([
    { name: 'a body field', command: ListRuns, argv: ['--workflow-uuid', 'wf-1'], label: '--workflow-uuid', value: 'wf-1' },
    { name: 'an empty one', command: ListRuns, argv: ['--workflow-uuid=', '--limit', '1'], label: '--workflow-uuid', value: '' },
    { name: 'a body filter', command: ListRuns, argv: ['--workflow-uuid', WORKFLOW, '--batch-uuid', `${RUN}x`], label: '--batch-uuid', value: `${RUN}x` },
    { name: 'one item of a list (query string)', command: ListBatches, argv: ['--workflow-uuids', `${WORKFLOW},nope`], label: '--workflow-uuids[1]', value: 'nope' },
    { name: 'a positional id', command: GetRun, argv: ['run-1'], label: '<uuid>', value: 'run-1' },
    {
      name: 'a uuid inside a JSON payload',
      command: CreateBatch,
      argv: ['--workflow-uuid', WORKFLOW, '--data', '{"kind":"segment","segmentUuid":"seg-1"}'],
      label: '--data.segmentUuid',
      value: 'seg-1',
    },
  ])('$name: exit 2 naming the flag, nothing sent', async ({ command, argv, label, value }) => {
    stubApi('POST', '/v1/orchestration/runs/list', { runs: [] })
    const result = await runCommand(command, argv)
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage: refusal(label, value) }])
    expect(requests).toEqual([])
    // the fast path takes these command lines and refuses them itself (an empty value goes to oclif)
    if (value !== '' && command !== CreateBatch) expect(mode.ran.has(command)).toBe(fast)
  })

  it('upper-case hexadecimal is a UUID too', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', { runs: [] })
    const result = await runCommand(ListRuns, ['--workflow-uuid', WORKFLOW.toUpperCase()])
    expect(result.exitCode).toBe(0)
    expect(requests.map((request) => request.body)).toEqual([{ workflowUuid: WORKFLOW.toUpperCase() }])
  })

  it('answers are read whatever their ids look like (results stay lenient)', async () => {
    const run = { uuid: 'run-from-api', workflowUuid: 'wf-1', status: 'success', nodes: [{ uuid: 'start', slug: 'start', kind: 'native', actionSlug: 'start', config: {}, childrenUuids: [] }] }
    stubApi('GET', `/v1/orchestration/runs/${RUN}`, { run })
    const result = await runCommand(GetRun, [RUN])
    expect([result.exitCode, result.json()]).toEqual([0, { run }])
  })
})

describe('flags that are not payload fields', () => {
  it.each([['ds-1'], ['']])('storage model list --dataset-uuid %j: exit 2 naming it, nothing sent', async (value) => {
    const result = await runCommand(ListModels, ['--dataset-uuid', value])
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage: refusal('--dataset-uuid', value) }])
    expect(requests).toEqual([])
  })

  it.each([
    [ListTools, '--folder-uuid'],
    [ListPlays, '--folder-uuid'],
    [ListRelationships, '--model-uuid'],
    [Ask, '--agent-uuid'],
    [Login, '--workspace-uuid'],
  ] as const)('%o %s: exit 2 naming it, nothing sent', async (command, flag) => {
    const argv = command === Login ? ['--token', 'tok', flag, 'f-1'] : command === Ask ? [flag, 'f-1', '--print', 'hi'] : [flag, 'f-1']
    const result = await runCommand(command, argv)
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage: refusal(flag, 'f-1') }])
    expect(requests).toEqual([])
  })
})

describe('bin/run.js (built), not signed in: refused before any sign-in or request', () => {
  it.each([
    { argv: ['orchestration', 'run', 'list', '--workflow-uuid', 'wf-1'], ran: 'fast path', label: '--workflow-uuid', value: 'wf-1' },
    // a client-side filter: the command has no fast-path row, oclif runs it
    { argv: ['storage', 'model', 'list', '--dataset-uuid', 'ds-1'], ran: undefined, label: '--dataset-uuid', value: 'ds-1' },
  ])('$argv (fast path: $ran)', async ({ argv, ran, label, value }) => {
    const result = await cli(argv, cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), DEBUG: 'cargo-ai:fast' }))
    expect([result.code, result.json()]).toEqual([2, { errorMessage: refusal(label, value) }])
    if (ran) expect(result.stderr).toContain(`${argv.slice(0, 3).join(':')}: ${ran}`)
    else expect(result.stderr).not.toContain('fast path')
  })
})
