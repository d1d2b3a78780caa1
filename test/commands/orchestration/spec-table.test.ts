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
  type Selection,
  version,
  without,
} from '../../support/spec-table.js'
import {
  computeResult,
  draftRelease,
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

/** Flags that cannot go together are spread over several invocations (each keeps the flags its selection accepts). */
const invocations: Record<string, Selection[]> = {
  'orchestration run create': [without('release-uuid'), without('nodes')],
  'orchestration batch create': [without('release-uuid'), without('nodes')],
  'orchestration run cancel': [only('workflow-uuid', 'uuids'), without('uuids')],
  'orchestration record cancel': [only('workflow-uuid', 'ids'), without('ids')],
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
})

describe('spec/commands/orchestration.json, in numbers', () => {
  it('lists 53 commands over the 51 orchestration endpoints', () => {
    expect(loadSpec('orchestration').commands).toHaveLength(53)
    expect(endpointsOf(endpoints)).toHaveLength(51)
  })
})

// ---------------------------------------------------------------------------------------------
// Steps and notes of the spec

describe('node execute fills in what the API requires', () => {
  const workflowUuid = 'w-node-execute'
  const base = ['--workflow-uuid', workflowUuid, '--node', JSON.stringify(jsonSamples.node), '--context', JSON.stringify(jsonSamples.context)]
  const groupContext = ['--group-context', JSON.stringify(jsonSamples.groupContext)]
  const computed = { domain: 'given.com' }

  it.each([
    { name: 'both missing', argv: [...groupContext], compute: true, draft: true },
    { name: 'only --computed-config missing', argv: [...groupContext, '--release-uuid', 'r-given'], compute: true, draft: false },
    { name: 'only --release-uuid missing', argv: ['--computed-config', JSON.stringify(computed)], compute: false, draft: true },
  ])('$name', async ({ argv, compute, draft }) => {
    stubApi('POST', '/v1/orchestration/nodes/compute', computeResult)
    stubApi('GET', '/v1/orchestration/releases/draft', draftRelease)
    stubApi('POST', '/v1/orchestration/nodes/execute', executeResult)

    const result = await runCommand(await loadCommand('orchestration node execute'), [...base, ...argv])

    expectSuccess(result, printed(stripNulls(executeResult, endpoints.executeNode.keepNulls)))
    const withGroup = argv.includes('--group-context') ? { groupContext: jsonSamples.groupContext } : {}
    const expected: ExpectedRequest[] = []
    if (compute) {
      expected.push({ method: 'POST', path: '/v1/orchestration/nodes/compute', query: '', body: { node: jsonSamples.node, context: jsonSamples.context, ...withGroup } })
    }
    if (draft) expected.push({ method: 'GET', path: '/v1/orchestration/releases/draft', query: `workflowUuid=${workflowUuid}`, body: undefined })
    expected.push({
      method: 'POST',
      path: '/v1/orchestration/nodes/execute',
      query: '',
      body: {
        workflowUuid,
        releaseUuid: draft ? draftRelease.release.uuid : 'r-given',
        node: jsonSamples.node,
        // nulls inside computedConfig are kept (keepNulls) and sent back as they came
        computedConfig: compute ? computeResult.computedConfig : computed,
        context: jsonSamples.context,
        ...withGroup,
      },
    })
    expect(requests.map(pick)).toStrictEqual(expected)
    for (const request of requests) expectApiHeaders(request)
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

  const deploy = ['--workflow-uuid', 'w-1', '--nodes', JSON.stringify(jsonSamples.nodes)]
  const deployed = printed(stripNulls(resultFixtures['orchestration.deployDraftRelease'], endpoints.deployDraftRelease.keepNulls))

  it('release deploy-draft --form-fields null sends "formFields": null', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration release deploy-draft'), [...deploy, '--form-fields', 'null'])
    expectSuccess(result, deployed)
    expect(requests).toHaveLength(1)
    expect(requests[0].body).toStrictEqual({ workflowUuid: 'w-1', nodes: jsonSamples.nodes, formFields: null })
  })

  it('release deploy-draft --version 1.2.0 sends the release version instead of printing the CLI version', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration release deploy-draft'), [...deploy, '--form-fields', 'null', '--version', '1.2.0'])
    expectSuccess(result, deployed)
    expect(result.stdout).not.toContain(version)
    expect(requests).toHaveLength(1)
    expect(requests[0].body).toStrictEqual({ workflowUuid: 'w-1', nodes: jsonSamples.nodes, formFields: null, version: '1.2.0' })
  })

  it('batch create sends recordIds data as given: {kind, modelUuid, ids}', async () => {
    stubApi('POST', '/v1/orchestration/batches', resultFixtures['orchestration.createBatch'])
    const data = { kind: 'recordIds', modelUuid: 'm-1', ids: ['acme.com', 'globex.com'] }
    const result = await runCommand(await loadCommand('orchestration batch create'), ['--workflow-uuid', 'w-1', '--data', JSON.stringify(data)])
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.body)).toStrictEqual([{ workflowUuid: 'w-1', data }])
  })

  it.each([
    { argv: ['--is-finished', 'false'], sent: false },
    { argv: ['--is-finished', 'true'], sent: true },
    { argv: ['--is-finished=false'], sent: false },
    { argv: ['--is-finished'], sent: true },
    { argv: ['--no-is-finished'], sent: false },
  ])('boolean flag $argv sends isFinished: $sent', async ({ argv, sent }) => {
    stubApi('POST', '/v1/orchestration/runs/list', runList)
    const result = await runCommand(await loadCommand('orchestration run list'), ['--workflow-uuid', 'w-1', ...argv, '--limit', '5'])
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.body)).toStrictEqual([{ workflowUuid: 'w-1', isFinished: sent, limit: 5 }])
  })

  it('batch list writes arrays in bracket form and false booleans in the query string', async () => {
    stubApi('GET', '/v1/orchestration/batches/list', resultFixtures['orchestration.listBatches'])
    const argv = ['--workflow-uuids', 'a,b', '--statuses', 'running', '--is-finished', 'false']
    const result = await runCommand(await loadCommand('orchestration batch list'), argv)
    expect(result.exitCode).toBe(0)
    expect(requests.map((r) => r.query)).toEqual(['workflowUuids%5B%5D=a&workflowUuids%5B%5D=b&statuses%5B%5D=running&isFinished=false'])
    requests.length = 0
    await runCommand(await loadCommand('orchestration batch list'), ['--workflow-uuids', 'a,b'])
    expect(requests.map((r) => r.query)).toEqual(['workflowUuids%5B%5D=a&workflowUuids%5B%5D=b'])
  })

  it('JSON flags read @file and - (standard input)', async () => {
    stubApi('POST', '/v1/orchestration/runs', resultFixtures['orchestration.createRun'])
    const file = join(mkdtempSync(join(tmpdir(), 'cargo-ai-spec-')), 'data.json')
    writeFileSync(file, JSON.stringify({ domain: 'from-file.com' }))
    const create = await loadCommand('orchestration run create')

    const fromFile = await runCommand(create, ['--workflow-uuid', 'w-1', '--data', `@${file}`])
    const fromStdin = await runCommand(create, ['--workflow-uuid', 'w-1', '--data', '-'], { stdin: '{"domain":"from-stdin.com"}\n' })

    expect([fromFile.exitCode, fromStdin.exitCode]).toEqual([0, 0])
    expect(requests.map((r) => r.body)).toStrictEqual([
      { workflowUuid: 'w-1', data: { domain: 'from-file.com' } },
      { workflowUuid: 'w-1', data: { domain: 'from-stdin.com' } },
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
    { id: 'orchestration run create', argv: ['--workflow-uuid', 'w-1', '--data', '{}', '--release-uuid', 'r-1', '--nodes', JSON.stringify(jsonSamples.nodes)] },
    { id: 'orchestration batch create', argv: ['--workflow-uuid', 'w-1', '--data', '{"kind":"segment","segmentUuid":"s"}', '--release-uuid', 'r-1', '--nodes', JSON.stringify(jsonSamples.nodes)] },
    { id: 'orchestration run cancel', argv: ['--workflow-uuid', 'w-1', '--uuids', 'a,b', '--record-id', 'acme.com'] },
    { id: 'orchestration record cancel', argv: ['--workflow-uuid', 'w-1', '--ids', 'a,b', '--title', 'Acme'] },
  ])('$id refuses the flags the spec says cannot be combined (exit 2, nothing sent)', async ({ id, argv }) => {
    const result = await runCommand(await loadCommand(id), argv)
    expect(result.exitCode).toBe(2)
    expect(result.json().errorMessage).toEqual(expect.any(String))
    expect(requests).toHaveLength(0)
  })
})
