import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import CreateBatch from '../../../src/commands/orchestration/batch/create.js'
import ValidateNodes from '../../../src/commands/orchestration/node/validate.js'
import CreateRun from '../../../src/commands/orchestration/run/create.js'
import GetRun from '../../../src/commands/orchestration/run/get.js'
import ListRuns from '../../../src/commands/orchestration/run/list.js'
import { requests, server, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand, signedInEnv, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m)

describe('API errors', () => {
  it('400 with a reason uses the reason table (exit 1)', async () => {
    stubApi('POST', '/v1/orchestration/runs', { reason: 'playNotCompatible' }, 400)
    const result = await runCommand(CreateRun, ['--workflow-uuid', 'a1a1a1a1-2b2b-4c3c-8d4d-5e5e5e5e5e5e', '--data', '{}'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({
      errorMessage: 'Play workflows cannot be run one record at a time; use batch create.',
      reason: 'playNotCompatible',
      status: 400,
    })
  })

  it('the server errorMessage wins over the reason table', async () => {
    stubApi('POST', '/v1/orchestration/runs', { reason: 'workflowNotFound', errorMessage: 'Workflow 9d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a19 not found' }, 404)
    const result = await runCommand(CreateRun, ['--workflow-uuid', '9d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a19', '--data', '{}'])
    expect(result.json()).toEqual({ errorMessage: 'Workflow 9d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a19 not found', reason: 'workflowNotFound', status: 404 })
  })

  it('batch create dataError reads the nested reason', async () => {
    stubApi('POST', '/v1/orchestration/batches', { reason: 'dataError', dataError: { reason: 'segmentLinkedToPlay' } }, 400)
    const result = await runCommand(CreateBatch, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{"kind":"segment","segmentUuid":"1a2b3c4d-5e6f-4081-92a3-b4c5d6e7f809"}'])
    expect(result.exitCode).toBe(1)
    expect(result.json().errorMessage).toMatch(/belongs to a play/)
  })

  it('404 without a body', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', undefined, 404)
    const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'])
    expect([result.exitCode, result.json()]).toEqual([1, { errorMessage: 'Unknown error (HTTP 404)', status: 404 }])
  })

  it('401 exits 3', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { errorMessage: 'Unauthorized' }, 401)
    const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'])
    expect([result.exitCode, result.json()]).toEqual([3, { errorMessage: 'The token from CARGO_AI_TOKEN was refused: Unauthorized', status: 401 }])
  })

  it.each([
    [500, 1],
    [502, 3],
    [503, 3],
  ])('%i exits 4 after %i attempt(s) of a read', async (status, attempts) => {
    stubApi('POST', '/v1/orchestration/runs/list', () => new Response('<html><body>Bad gateway</body></html>', { status }))
    const result = await runCommand(ListRuns, [])
    expect(result.exitCode).toBe(4)
    expect(result.json()).toEqual({ errorMessage: `Server error (HTTP ${status}, the body is not JSON)`, status })
    expect(requests).toHaveLength(attempts)
  })

  it('a read is retried after a 503 with Retry-After, then succeeds', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', (_request, index) =>
      index === 0 ? new Response('', { status: 503, headers: { 'retry-after': '7' } }) : { runs: [], count: 0 },
    )
    const clock = new FakeClock()
    const result = await runCommand(ListRuns, [], { clock, env: signedInEnv({ DEBUG: 'cargo-ai*' }) })
    expect([result.exitCode, result.json()]).toEqual([0, { runs: [], count: 0 }])
    expect(clock.sleeps).toEqual([7000])
    expect(result.stderr).toContain('retry 2/3 of POST /orchestration/runs/list in 7000 ms (HTTP 503)')
  })

  it('a create is never retried once the request may have reached the server', async () => {
    stubApi('POST', '/v1/orchestration/runs', () => new Response('', { status: 503 }))
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}'])
    expect(result.exitCode).toBe(4)
    expect(requests).toHaveLength(1)
  })

  it('a network failure exits 4 with the host in the message', async () => {
    server.use(http.get(`${TEST_BASE_URL}/v1/orchestration/runs/:uuid`, () => HttpResponse.error()))
    const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'])
    expect(result.exitCode).toBe(4)
    expect(result.json().errorMessage).toMatch(/^Network error: could not reach api\.cargo\.test/)
    noStack(result.stdout + result.stderr)
  })

  it('a 200 with a body that is not JSON is an error, not output', async () => {
    stubApi('POST', '/v1/orchestration/runs/list', () => new Response('{"runs": [', { status: 200 }))
    const result = await runCommand(ListRuns, [])
    expect(result.exitCode).toBe(1)
    expect(result.json().errorMessage).toBe('The API answered POST /v1/orchestration/runs/list with a body that is not JSON: {"runs": [')
  })

  it('a void call with an empty body prints {}', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', () => new Response(''))
    const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'])
    expect([result.exitCode, result.stdout]).toEqual([0, '{}\n'])
  })

  it('a stalled server hits the timeout (CARGO_AI_TIMEOUT): exit 4', async () => {
    const stalled = createServer(() => {})
    stalled.listen(0, '127.0.0.1')
    await once(stalled, 'listening')
    const base = `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`
    try {
      const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'], { env: signedInEnv({ CARGO_AI_TIMEOUT: '200ms', CARGO_AI_BASE_URL: base }) })
      expect(result.exitCode).toBe(4)
      expect(result.json()).toEqual({ errorMessage: `Timed out after 0.2 s waiting for ${base.slice(7)}` })
    } finally {
      stalled.closeAllConnections()
      stalled.close()
    }
  })

  it('no token: exit 3 naming cargo-ai login, and no request', async () => {
    const result = await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110'], { env: { CARGO_AI_CONFIG_DIR: tempConfigDir(), CARGO_AI_BASE_URL: TEST_BASE_URL } })
    expect(result.exitCode).toBe(3)
    expect(result.json().errorMessage).toContain('cargo-ai login')
    expect(requests).toHaveLength(0)
  })
})

describe('bad input: refused before any request, exit 2, one JSON error', () => {
  const dir = tempConfigDir()
  const latin1 = join(dir, 'latin1.json')
  writeFileSync(latin1, Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))
  const notJson = join(dir, 'nodes.txt')
  writeFileSync(notJson, 'start -> end')

  it.each([
    ['malformed JSON', CreateRun, ['--data', '{bad'], /^--data is not valid JSON: /],
    ['JSON of the wrong shape', CreateRun, ['--data', '{}', '--nodes', '{"uuid":1}'], /^Invalid input: --nodes: /],
    ['unquoted word as JSON', CreateRun, ['--data', 'acme.com'], /quote the JSON in single quotes, or pass @file/],
    ['empty JSON', CreateRun, ['--data', ''], /^--data: expected JSON, got nothing$/],
    ['a missing @file', CreateRun, ['--data', '@/nonexistent/data.json'], /^--data: cannot read \/nonexistent\/data.json: no such file$/],
    ['a non-UTF-8 file', CreateRun, ['--data', `@${latin1}`], /is not UTF-8 text$/],
    ['a file that is not JSON', ValidateNodes, ['--nodes', `@${notJson}`], /^--nodes is not valid JSON \(from .*nodes.txt\)/],
    ['a missing required flag', CreateRun, [], /^Missing required flag --data$/],
    ['a missing argument', GetRun, [], /^Missing required argument: <uuid>$/],
    ['an extra argument', GetRun, ['a', 'b'], /^Unexpected argument: b$/],
    ['a word for an integer', ListRuns, ['--limit', 'ten'], /^--limit: expected a whole number, got "ten"$/],
    ['a negative limit', ListRuns, ['--limit', '-1'], /^Invalid input: --limit: /],
    ['an unknown status', ListRuns, ['--statuses', 'running,done'], /^Invalid input: --statuses\[1\]: Invalid option/],
    ['a bad date', ListRuns, ['--created-after', 'yesterday'], /^Invalid input: --created-after: expected an ISO date/],
    ['a value for a boolean', ListRuns, ['--is-finished=maybe'], /^--is-finished takes no value, or true\/false; got "maybe"$/],
    ['exclusive flags', CreateRun, ['--data', '{}', '--nodes', '[]', '--release-uuid', 'r'], /cannot also be provided when using/],
    ['a bad --query', ListRuns, ['--query', 'runs[?'], /^--query is not a valid JMESPath expression/],
  ])('%s', async (_label, command, argv, message) => {
    stubApi('POST', '/v1/orchestration/runs/list', { runs: [], count: 0 })
    const result = await runCommand(command, argv)
    expect(result.exitCode).toBe(2)
    const body = result.json()
    expect(Object.keys(body)).toEqual(['errorMessage'])
    expect(body.errorMessage).toMatch(message)
    noStack(result.stdout + result.stderr)
    if (!argv.includes('--query')) expect(requests).toHaveLength(0)
  })

  it('a huge JSON input (5 MB) is sent whole', async () => {
    stubApi('POST', '/v1/orchestration/runs', { run: { uuid: 'r', status: 'pending' } })
    const big = { blob: 'x'.repeat(5 * 1024 * 1024) }
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '-'], { stdin: JSON.stringify(big) })
    expect(result.exitCode).toBe(0)
    expect((requests[0].body as { data: typeof big }).data.blob).toHaveLength(5 * 1024 * 1024)
  })
})

describe('nullable flags', () => {
  it('"null" clears a nullable field of any kind', async () => {
    const { default: UpdatePlay } = await import('../../../src/commands/orchestration/play/update.js')
    stubApi('PUT', '/v1/orchestration/plays/{uuid}', { play: { uuid: 'p1' } })
    const argv = ['--uuid', '6f1e2d3c-4b5a-4968-8776-655443322110', '--folder-uuid', 'null', '--description', 'null', '--limit', 'null', '--tracking-column-slugs', 'null', '--sort', 'null']
    const result = await runCommand(UpdatePlay, argv)
    expect(result.exitCode).toBe(0)
    expect(requests[0].body).toEqual({ folderUuid: null, description: null, limit: null, trackingColumnSlugs: null, sort: null })
  })
})
