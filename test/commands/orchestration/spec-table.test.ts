/**
 * Every command of spec/commands/orchestration.json, checked against the real command classes by the
 * generic table (test/support/spec-table.ts): flags and args as declared, the exact HTTP request for a
 * sample of every payload flag, and the exact output for a realistic answer. Then the few behaviours the
 * spec describes in its steps and notes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as endpoints from '../../../src/api/endpoints/orchestration.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'
import {
  amendFlags,
  describeSpecTable,
  endpointsOf,
  type ExpectedRequest,
  expectApiHeaders,
  expectSuccess,
  loadCommand,
  loadSpec,
  only,
  pick,
  printed,
  SAMPLE_UUID,
  SAMPLE_UUIDS,
  type Selection,
  version,
  without,
} from '../../support/spec-table.js'
import {
  executeResult,
  fileBytes,
  folderUuid,
  jsonSampleOverrides,
  jsonSamples,
  plays,
  resultFixtures,
  runList,
  runUuids,
  tools,
} from '../../fixtures/orchestration.js'

const workflowUuidSample = '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b'
const releaseUuidSample = '9a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d'
const modelUuidSample = '5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f'

/** Flags that cannot go together are spread over several invocations (each keeps the flags its selection accepts). */
const invocations: Record<string, Selection[]> = {
  'orchestration run create': [without('release-uuid'), without('nodes')],
  'orchestration batch create': [without('release-uuid'), without('nodes')],
  'orchestration run cancel': [only('workflow-uuid', 'uuids'), without('uuids')],
  'orchestration record cancel': [only('workflow-uuid', 'ids'), without('ids')],
}

/** UPSTREAM.md (b): flag changes the entries' JSON does not carry yet. */
const amendments = {
  'orchestration action execute': amendFlags({ set: { data: { required: false } } }),
  'orchestration node execute': amendFlags({ set: { 'release-uuid': { required: true }, 'computed-config': { required: true } } }),
  'orchestration record download-outputs': amendFlags({
    add: [
      { name: 'limit', type: 'integer', required: false, payload: 'limit' },
      { name: 'offset', type: 'integer', required: false, payload: 'offset' },
    ],
  }),
}

describeSpecTable({
  topic: 'orchestration',
  endpoints,
  jsonSamples,
  jsonSampleOverrides,
  argSamples: { query: "SELECT status, count() FROM runs WHERE created_at >= '2025-01-01' GROUP BY status" },
  resultFixtures,
  invocations,
  fileContent: fileBytes,
  amendments,
  skip: { 'orchestration node diagram': 'one source flag at a time, drawn locally: diagram.test.ts' },
})

describe('spec/commands/orchestration.json, in numbers', () => {
  it('lists 55 commands (the three draft commands under release, action list and node diagram new) over the 51 orchestration endpoints', () => {
    expect(loadSpec('orchestration').commands).toHaveLength(55)
    expect(endpointsOf(endpoints)).toHaveLength(51)
  })
})

// ---------------------------------------------------------------------------------------------
// Steps and notes of the spec

describe('changed flags and payloads (UPSTREAM.md (b))', () => {
  const node = ['--node', JSON.stringify(jsonSamples.node), '--context', JSON.stringify(jsonSamples.context)]
  const nodeFlags = ['--workflow-uuid', workflowUuidSample, '--release-uuid', releaseUuidSample, ...node, '--computed-config', JSON.stringify(jsonSamples.computedConfig)]

  it.each(['--workflow-uuid', '--release-uuid', '--node', '--computed-config', '--context'])('node execute without %s: exit 2 naming it, nothing sent', async (left) => {
    const at = nodeFlags.indexOf(left)
    const argv = [...nodeFlags.slice(0, at), ...nodeFlags.slice(at + 2)]
    const result = await runCommand(await loadCommand('orchestration node execute'), argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toContain(left)
    expect(requests).toHaveLength(0)
  })

  it('node execute sends the five flags (and --group-context) in one call, nothing computed or resolved', async () => {
    stubApi('POST', '/v1/orchestration/nodes/execute', executeResult)
    const result = await runCommand(await loadCommand('orchestration node execute'), [...nodeFlags, '--group-context', JSON.stringify(jsonSamples.groupContext)])
    expectSuccess(result, printed(stripNulls(executeResult, endpoints.executeNode.keepNulls)))
    expect(requests.map(pick)).toStrictEqual([
      {
        method: 'POST',
        path: '/v1/orchestration/nodes/execute',
        query: '',
        body: {
          workflowUuid: workflowUuidSample,
          releaseUuid: releaseUuidSample,
          node: jsonSamples.node,
          computedConfig: jsonSamples.computedConfig,
          context: jsonSamples.context,
          groupContext: jsonSamples.groupContext,
        },
      },
    ])
  })

  const action = { kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich' }

  it('action execute without --data sends "data": {} (the API requires the key)', async () => {
    stubApi('POST', '/v1/orchestration/actions/execute', resultFixtures['orchestration.executeAction'])
    const result = await runCommand(await loadCommand('orchestration action execute'), ['--action', JSON.stringify({ kind: 'native', actionSlug: 'search' })])
    expect(result.exitCode).toBe(0)
    expect(requests.map(pick)).toStrictEqual([{ method: 'POST', path: '/v1/orchestration/actions/execute', query: '', body: { action: { kind: 'native', actionSlug: 'search' }, data: {} } }])
  })

  it('action execute and execute-batch send a config-less action as given (no config added)', async () => {
    stubApi('POST', '/v1/orchestration/actions/execute', resultFixtures['orchestration.executeAction'])
    stubApi('POST', '/v1/orchestration/actions/execute-batch', resultFixtures['orchestration.executeActionBatch'])
    const one = await runCommand(await loadCommand('orchestration action execute'), ['--action', JSON.stringify(action), '--data', '{"domain":"acme.com"}'])
    const many = await runCommand(await loadCommand('orchestration action execute-batch'), ['--action', JSON.stringify(action), '--records', '[{"domain":"acme.com"}]'])
    expect([one.exitCode, many.exitCode]).toEqual([0, 0])
    expect(requests.map((request) => request.body)).toStrictEqual([
      { action, data: { domain: 'acme.com' } },
      { action, records: [{ domain: 'acme.com' }] },
    ])
  })

  it('action get-output-schema adds an empty config to a config-less action (some API versions answer 400 without it) and sends --data', async () => {
    stubApi('POST', '/v1/orchestration/actions/get-output-schema', resultFixtures['orchestration.getActionOutputSchema'])
    const result = await runCommand(await loadCommand('orchestration action get-output-schema'), ['--action', JSON.stringify(action), '--data', '{"objectType":"contacts"}'])
    expectSuccess(result, printed(stripNulls(resultFixtures['orchestration.getActionOutputSchema'])))
    expect(requests.map((request) => request.body)).toStrictEqual([{ action: { ...action, config: {} }, data: { objectType: 'contacts' } }])
  })

  it('record download-outputs --limit/--offset page the export', async () => {
    stubApi('POST', '/v1/orchestration/records/download-outputs', resultFixtures['orchestration.downloadRecordOutputs'])
    const argv = ['--workflow-uuid', workflowUuidSample, '--limit', '100', '--offset', '200', '--url-only']
    const result = await runCommand(await loadCommand('orchestration record download-outputs'), argv)
    expect(result.exitCode).toBe(0)
    expect(requests.map((request) => request.body)).toStrictEqual([{ workflowUuid: workflowUuidSample, limit: 100, offset: 200 }])
  })

  it.each([['--limit', '-1'], ['--offset', 'x']])('record download-outputs %s %s: exit 2, nothing sent', async (flag, value) => {
    const result = await runCommand(await loadCommand('orchestration record download-outputs'), ['--workflow-uuid', workflowUuidSample, flag, value])
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toContain(flag)
    expect(requests).toHaveLength(0)
  })
})

describe('notes of the spec', () => {
  it.each([
    { id: 'orchestration play list', path: '/v1/orchestration/plays/list', fixture: { plays }, key: 'plays' as const, items: plays },
    { id: 'orchestration tool list', path: '/v1/orchestration/tools/list', fixture: { tools }, key: 'tools' as const, items: tools },
  ])('$id --folder-uuid filters the list here and sends nothing', async ({ id, path, fixture, key, items }) => {
    stubApi('GET', path, fixture)
    const result = await runCommand(await loadCommand(id), ['--folder-uuid', folderUuid])
    const kept = items.filter((item) => item.folderUuid === folderUuid)
    expect(kept).toHaveLength(1)
    expectSuccess(result, printed({ [key]: stripNulls(kept) }))
    expect(requests.map(pick)).toStrictEqual([{ method: 'GET', path, query: '', body: undefined }])
  })

  const deploy = ['--workflow-uuid', workflowUuidSample, '--nodes', JSON.stringify(jsonSamples.nodes)]
  const deployed = printed(stripNulls(resultFixtures['orchestration.deployDraftRelease'], endpoints.deployDraftRelease.keepNulls))

  it('release deploy-draft --form-fields null sends "formFields": null', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration release deploy-draft'), [...deploy, '--form-fields', 'null'])
    expectSuccess(result, deployed)
    expect(requests).toHaveLength(1)
    expect(requests[0].body).toStrictEqual({ workflowUuid: workflowUuidSample, nodes: jsonSamples.nodes, formFields: null })
  })

  it('release deploy-draft --version 1.2.0 sends the release version instead of printing the CLI version', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration release deploy-draft'), [...deploy, '--form-fields', 'null', '--version', '1.2.0'])
    expectSuccess(result, deployed)
    expect(result.stdout).not.toContain(version)
    expect(requests).toHaveLength(1)
    expect(requests[0].body).toStrictEqual({ workflowUuid: workflowUuidSample, nodes: jsonSamples.nodes, formFields: null, version: '1.2.0' })
  })

  it('batch create sends recordIds data as given: {kind, modelUuid, ids}', async () => {
    stubApi('POST', '/v1/orchestration/batches', resultFixtures['orchestration.createBatch'])
    const data = { kind: 'recordIds', modelUuid: modelUuidSample, ids: ['acme.com', 'globex.com'] }
    const result = await runCommand(await loadCommand('orchestration batch create'), ['--workflow-uuid', workflowUuidSample, '--data', JSON.stringify(data)])
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.body)).toStrictEqual([{ workflowUuid: workflowUuidSample, data }])
  })

  it.each([
    { argv: ['--is-finished', 'false'], sent: false },
    { argv: ['--is-finished', 'true'], sent: true },
    { argv: ['--is-finished=false'], sent: false },
    { argv: ['--is-finished'], sent: true },
    { argv: ['--no-is-finished'], sent: false },
  ])('boolean flag $argv sends isFinished: $sent', async ({ argv, sent }) => {
    stubApi('POST', '/v1/orchestration/runs/list', runList)
    const result = await runCommand(await loadCommand('orchestration run list'), ['--workflow-uuid', workflowUuidSample, ...argv, '--limit', '5'])
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.body)).toStrictEqual([{ workflowUuid: workflowUuidSample, isFinished: sent, limit: 5 }])
  })

  it('batch list writes arrays in bracket form and false booleans in the query string', async () => {
    stubApi('GET', '/v1/orchestration/batches/list', resultFixtures['orchestration.listBatches'])
    const [a, b] = SAMPLE_UUIDS
    const argv = ['--workflow-uuids', `${a},${b}`, '--statuses', 'running', '--is-finished', 'false']
    const result = await runCommand(await loadCommand('orchestration batch list'), argv)
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.query)).toEqual([`workflowUuids%5B%5D=${a}&workflowUuids%5B%5D=${b}&statuses%5B%5D=running&isFinished=false`])
    requests.length = 0
    await runCommand(await loadCommand('orchestration batch list'), ['--workflow-uuids', `${a},${b}`])
    expect(requests.map((r) => r.query)).toEqual([`workflowUuids%5B%5D=${a}&workflowUuids%5B%5D=${b}`])
  })

  it('JSON flags read @file and - (standard input)', async () => {
    stubApi('POST', '/v1/orchestration/runs', resultFixtures['orchestration.createRun'])
    const file = join(mkdtempSync(join(tmpdir(), 'cargo-ai-spec-')), 'data.json')
    writeFileSync(file, JSON.stringify({ domain: 'from-file.com' }))
    const create = await loadCommand('orchestration run create')

    const fromFile = await runCommand(create, ['--workflow-uuid', workflowUuidSample, '--data', `@${file}`])
    const fromStdin = await runCommand(create, ['--workflow-uuid', workflowUuidSample, '--data', '-'], { stdin: '{"domain":"from-stdin.com"}\n' })

    expect([fromFile.exitCode, fromStdin.exitCode]).toEqual([0, 0])
    expect(requests.map((r) => r.body)).toStrictEqual([
      { workflowUuid: workflowUuidSample, data: { domain: 'from-file.com' } },
      { workflowUuid: workflowUuidSample, data: { domain: 'from-stdin.com' } },
    ])
  })

  it('run list --format table prints a table with the run uuids', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', runList)
    const result = await runCommand(await loadCommand('orchestration run list'), ['--format', 'table'])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).not.toMatch(/^\s*[{[]/)
    for (const uuid of runUuids) expect(result.stdout).toContain(uuid)
    expect(result.stdout).toMatch(/\buuid\b/)
  })

  it("run list --query 'runs[].uuid' prints the JSON array of uuids", async () => {
    stubApi('POST', '/v1/orchestration/runs/list', runList)
    const result = await runCommand(await loadCommand('orchestration run list'), ['--query', 'runs[].uuid'])
    expectSuccess(result, printed(runUuids))
  })

  it.each([
    { id: 'orchestration run create', argv: ['--workflow-uuid', workflowUuidSample, '--data', '{}', '--release-uuid', releaseUuidSample, '--nodes', JSON.stringify(jsonSamples.nodes)] },
    { id: 'orchestration batch create', argv: ['--workflow-uuid', workflowUuidSample, '--data', JSON.stringify({ kind: 'segment', segmentUuid: SAMPLE_UUID }), '--release-uuid', releaseUuidSample, '--nodes', JSON.stringify(jsonSamples.nodes)] },
    { id: 'orchestration run cancel', argv: ['--workflow-uuid', workflowUuidSample, '--uuids', SAMPLE_UUIDS.join(','), '--record-id', 'acme.com'] },
    { id: 'orchestration record cancel', argv: ['--workflow-uuid', workflowUuidSample, '--ids', 'a,b', '--title', 'Acme'] },
  ])('$id refuses the flags the spec says cannot be combined (exit 2, nothing sent)', async ({ id, argv }) => {
    const result = await runCommand(await loadCommand(id), argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toMatch(/cannot be combined|cannot also be provided/)
    expect(requests).toHaveLength(0)
  })
})
