/**
 * Every command of spec/commands/orchestration.json, checked against the real command classes:
 * flags and args as declared, the exact HTTP request for a sample of every payload flag, and the exact
 * output for a realistic answer. Then the few behaviours the spec describes in its steps and notes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import type { Endpoint } from '../../../src/api/endpoint.js'
import * as endpoints from '../../../src/api/endpoints/orchestration.js'
import { stripNulls } from '../../../src/api/null-stripping.js'
import { serializeQuery } from '../../../src/api/query-string.js'
import { payloadFields } from '../../../src/cli/payload-flags.js'
import { type RecordedRequest, requests, server, stubApi } from '../../support/api-stub.js'
import { FakeClock, projectRoot, runCommand, type RunResult, TEST_TOKEN, TEST_WORKSPACE } from '../../support/run-command.js'
import {
  computeResult,
  draftRelease,
  executeResult,
  fileBytes,
  fileUrl,
  folderUuid,
  jsonSampleOverrides,
  jsonSamples,
  plays,
  resultFixtures,
  runList,
  runUuids,
  tools,
} from '../../fixtures/orchestration.js'

// ---------------------------------------------------------------------------------------------
// The spec

interface SpecFlag {
  name: string
  type: 'string' | 'boolean' | 'integer' | 'number' | 'json' | 'csv' | 'date'
  required: boolean
  payload: string | null
  options?: string[]
}
interface SpecCommand {
  id: string
  args?: Array<{ name: string; required: boolean; payload: string }>
  flags: SpecFlag[]
  request: { method: string; path: string; in: 'body' | 'query' | 'none' }
  output: 'json' | 'file'
  wait?: unknown
}

const spec = JSON.parse(readFileSync(join(projectRoot, 'spec/commands/orchestration.json'), 'utf8')) as { commands: SpecCommand[] }
const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }
const allEndpoints = (Object.values(endpoints) as unknown[]).filter((value): value is Endpoint => typeof value === 'object' && value !== null && 'path' in value)

type CommandClass = Parameters<typeof runCommand>[0] & {
  flags: Record<string, { type: string; required?: boolean; options?: readonly string[]; allowNo?: boolean }>
  args: Record<string, { required?: boolean }>
}

async function loadCommand(id: string): Promise<CommandClass> {
  const [, resource, verb] = id.split(' ')
  const module = (await import(`../../../src/commands/orchestration/${resource}/${verb}.ts`)) as { default: CommandClass }
  return module.default
}

function command(id: string): SpecCommand {
  const found = spec.commands.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`no spec command ${id}`)
  return found
}

/** The endpoint a spec command calls, found by its method and path. */
function endpointOf(cmd: SpecCommand): Endpoint {
  const matches = allEndpoints.filter((e) => e.method === cmd.request.method && `/v1${e.path}` === cmd.request.path)
  expect(matches, `one endpoint for ${cmd.request.method} ${cmd.request.path}`).toHaveLength(1)
  return matches[0]
}

const isVoid = (endpoint: Endpoint) => endpoint.result.def.type === 'void'
const printed = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
const expectedOutput = (endpoint: Endpoint) =>
  isVoid(endpoint) ? '{}\n' : printed(stripNulls(resultFixtures[endpoint.name], endpoint.keepNulls))

// ---------------------------------------------------------------------------------------------
// Sample values

const SAMPLE_UUID = '6f1e2d3c-4b5a-4968-8776-655443322110'
const argSamples: Record<string, string> = {
  uuid: SAMPLE_UUID,
  slug: 'company-enrichment',
  query: "SELECT status, count() FROM runs WHERE created_at >= '2025-01-01' GROUP BY status",
}

/** Flags that cannot go together are spread over several invocations (each keeps the flags its filter accepts). */
interface Selection {
  label: string
  keep: (flag: SpecFlag) => boolean
}
const every: Selection = { label: 'every payload flag', keep: () => true }
const without = (...names: string[]): Selection => ({ label: `all but --${names.join(', --')}`, keep: (flag) => !names.includes(flag.name) })
const only = (...names: string[]): Selection => ({ label: `only --${names.join(', --')}`, keep: (flag) => names.includes(flag.name) })
const invocations: Record<string, Selection[]> = {
  'orchestration run create': [without('release-uuid'), without('nodes')],
  'orchestration batch create': [without('release-uuid'), without('nodes')],
  'orchestration run cancel': [only('workflow-uuid', 'uuids'), without('uuids')],
  'orchestration record cancel': [only('workflow-uuid', 'ids'), without('ids')],
}

interface Invocation {
  argv: string[]
  /** the payload the command must build, args first then flags in spec order */
  payload: Record<string, unknown>
}

/** argv and expected payload for the spec's args and the payload flags `keep` accepts. */
function sampleInvocation(cmd: SpecCommand, keep: (flag: SpecFlag) => boolean = () => true): Invocation {
  const argv: string[] = []
  const payload: Record<string, unknown> = {}
  const pathFields = new Set([...cmd.request.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))
  for (const arg of cmd.args ?? []) {
    argv.push(argSamples[arg.payload])
    payload[arg.payload] = argSamples[arg.payload]
  }
  let integer = 2
  let day = 10
  for (const flag of cmd.flags.filter((f) => f.payload !== null && keep(f))) {
    const field = flag.payload as string
    let value: unknown
    let text: string | undefined
    switch (flag.type) {
      case 'string':
        value = pathFields.has(field) ? SAMPLE_UUID : flag.options ? flag.options[flag.options.length - 1] : `v-${flag.name}`
        break
      case 'integer':
        value = integer++
        break
      case 'number':
        value = 0.5
        break
      case 'boolean':
        value = true
        break
      case 'csv':
        value = flag.options ? flag.options.slice(0, 2) : [`v-${flag.name}-1`, `v-${flag.name}-2`]
        text = (value as string[]).join(',')
        break
      case 'date':
        value = `2025-01-${day++}`
        break
      case 'json':
        value = jsonSampleOverrides[cmd.id]?.[field] ?? jsonSamples[field]
        expect(value, `a JSON sample for ${field}`).toBeDefined()
        text = JSON.stringify(value)
        break
    }
    payload[field] = value
    argv.push(`--${flag.name}`, ...(flag.type === 'boolean' ? [] : [text ?? String(value)]))
  }
  return { argv, payload }
}

// ---------------------------------------------------------------------------------------------
// Requests

interface ExpectedRequest {
  method: string
  path: string
  query: string
  body: unknown
}

/** The request the spec describes for a payload: path fields into the path, the rest into body or query. */
function expectedRequest(cmd: SpecCommand, payload: Record<string, unknown>): ExpectedRequest {
  const rest = { ...payload }
  const path = cmd.request.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(rest[name])
    delete rest[name]
    return value
  })
  const { method } = cmd.request
  if (cmd.request.in === 'query') return { method, path, query: serializeQuery(rest).replace(/^\?/, ''), body: undefined }
  if (cmd.request.in === 'body' && method !== 'GET') return { method, path, query: '', body: rest }
  expect(rest, `${cmd.id} sends nothing but path fields`).toEqual({})
  return { method, path, query: '', body: undefined }
}

function pick(request: RecordedRequest): ExpectedRequest {
  return { method: request.method, path: request.path, query: request.query, body: request.body }
}

function expectApiHeaders(request: RecordedRequest) {
  expect(request.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`)
  expect(request.headers['selected-workspace-uuid']).toBe(TEST_WORKSPACE)
  expect(request.headers['x-cargo-origin']).toBe('cli')
  expect(request.headers['x-cargo-origin-version']).toBe(version)
  expect(request.headers['content-type']).toBe(request.body === undefined ? undefined : 'application/json')
}

/** Stubs the spec's request (sample path values filled in) with the endpoint's fixture. */
function stubSpecRequest(cmd: SpecCommand, endpoint: Endpoint) {
  const path = cmd.request.path.replace(/\{(\w+)\}/g, (_, name: string) => argSamples[name] ?? SAMPLE_UUID)
  stubApi(cmd.request.method, path, isVoid(endpoint) ? undefined : resultFixtures[endpoint.name])
}

/** Serves the signed URL of the download fixtures, recording what reaches it. */
function stubSignedUrl(): RecordedRequest[] {
  const seen: RecordedRequest[] = []
  server.use(
    http.get(fileUrl, ({ request }) => {
      seen.push({ method: request.method, path: new URL(request.url).pathname, query: '', headers: Object.fromEntries(request.headers.entries()), body: undefined })
      return new HttpResponse(Buffer.from(fileBytes), { headers: { 'content-type': 'application/x-ndjson' } })
    }),
  )
  return seen
}

function expectSuccess(result: RunResult, stdout: string) {
  expect(result.stdout).toBe(stdout)
  expect(result.exitCode).toBe(0)
  expect(result.stderr).toBe('')
}

// ---------------------------------------------------------------------------------------------
// The table

describe('spec/commands/orchestration.json', () => {
  it('lists 53 commands over the 51 orchestration endpoints, and every answer fixture fits its schema after null stripping', () => {
    expect(spec.commands).toHaveLength(53)
    const used = new Set(spec.commands.map((cmd) => endpointOf(cmd).name))
    expect([...used].sort()).toEqual(allEndpoints.map((e) => e.name).sort())
    expect(used.size).toBe(51)
    for (const endpoint of allEndpoints) {
      if (isVoid(endpoint)) {
        expect(resultFixtures[endpoint.name], endpoint.name).toBeUndefined()
        continue
      }
      const fixture = resultFixtures[endpoint.name]
      expect(fixture, `fixture for ${endpoint.name}`).toBeDefined()
      const check = endpoint.result.safeParse(stripNulls(fixture, endpoint.keepNulls))
      expect(check.error?.issues ?? [], endpoint.name).toEqual([])
    }
  })

  it('spreads incompatible flags over invocations that together cover every payload flag', () => {
    for (const [id, filters] of Object.entries(invocations)) {
      const payloadFlags = command(id).flags.filter((flag) => flag.payload !== null)
      const covered = payloadFlags.filter((flag) => filters.some(({ keep }) => keep(flag)))
      expect(covered.map((flag) => flag.name), id).toEqual(payloadFlags.map((flag) => flag.name))
    }
  })
})

describe.each(spec.commands)('$id', (cmd) => {
  it('has the spec flags (names, boolean kind, required, options) and args in order', async () => {
    const Command = await loadCommand(cmd.id)
    for (const flag of cmd.flags) {
      const declared = Command.flags[flag.name]
      expect(declared, `--${flag.name}`).toBeDefined()
      expect(declared.type === 'boolean', `--${flag.name} is boolean`).toBe(flag.type === 'boolean')
      expect(Boolean(declared.required), `--${flag.name} required`).toBe(flag.required)
      if (flag.type === 'string' && flag.options) expect(declared.options, `--${flag.name} options`).toEqual(flag.options)
      if (flag.type === 'csv' && flag.options) {
        const field = payloadFields(endpointOf(cmd).payload).find((candidate) => candidate.field === flag.payload)
        expect(new Set(field?.options), `--${flag.name} values`).toEqual(new Set(flag.options))
      }
    }
    const args = Object.entries(Command.args ?? {})
    expect(args.map(([name]) => name)).toEqual((cmd.args ?? []).map((arg) => arg.name))
    expect(args.map(([, arg]) => Boolean(arg.required))).toEqual((cmd.args ?? []).map((arg) => arg.required))
  })

  it.each(invocations[cmd.id] ?? [every])('sends the spec request ($label) and prints the answer', async ({ keep }) => {
    const Command = await loadCommand(cmd.id)
    const endpoint = endpointOf(cmd)
    expect(endpoint.payloadIn, 'where the payload travels').toBe(cmd.request.in)
    const { argv, payload } = sampleInvocation(cmd, keep)
    const check = endpoint.payload.safeParse(payload)
    expect(check.error?.issues ?? [], 'the samples fit the payload schema').toEqual([])
    stubSpecRequest(cmd, endpoint)
    const clock = new FakeClock()

    const extra = cmd.output === 'file' ? ['--url-only'] : []
    const result = await runCommand(Command, [...argv, ...extra], { clock })

    expectSuccess(result, expectedOutput(endpoint))
    // the fixtures hold nulls; only the endpoint's keepNulls paths may show them (and the fixtures put one there)
    expect(result.stdout.includes('null'), 'nulls in the output').toBe(Boolean(endpoint.keepNulls))
    expect(requests.map(pick)).toStrictEqual([expectedRequest(cmd, payload)])
    expectApiHeaders(requests[0])
    expect(clock.sleeps).toEqual([])
  })

  if (cmd.output === 'file') {
    it('streams the signed URL content to stdout, without Cargo headers', async () => {
      const Command = await loadCommand(cmd.id)
      const endpoint = endpointOf(cmd)
      const { argv, payload } = sampleInvocation(cmd)
      stubSpecRequest(cmd, endpoint)
      const fileRequests = stubSignedUrl()

      const result = await runCommand(Command, argv)

      expectSuccess(result, fileBytes)
      expect(requests.map(pick)).toStrictEqual([expectedRequest(cmd, payload)])
      expectApiHeaders(requests[0])
      expect(fileRequests).toHaveLength(1)
      expect(fileRequests[0].path).toBe(new URL(fileUrl).pathname)
      expect(fileRequests[0].headers.authorization).toBeUndefined()
      expect(fileRequests[0].headers['selected-workspace-uuid']).toBeUndefined()
    })
  }
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

  it('draft-release deploy --form-fields null sends "formFields": null', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration draft-release deploy'), [...deploy, '--form-fields', 'null'])
    expectSuccess(result, deployed)
    expect(requests).toHaveLength(1)
    expect(requests[0].body).toStrictEqual({ workflowUuid: 'w-1', nodes: jsonSamples.nodes, formFields: null })
  })

  it('draft-release deploy --version 1.2.0 sends the release version instead of printing the CLI version', async () => {
    stubApi('POST', '/v1/orchestration/releases/draft/deploy', resultFixtures['orchestration.deployDraftRelease'])
    const result = await runCommand(await loadCommand('orchestration draft-release deploy'), [...deploy, '--form-fields', 'null', '--version', '1.2.0'])
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
