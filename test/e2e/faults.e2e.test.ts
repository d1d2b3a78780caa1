import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Fault } from '../../src/emulator/faults.js'
import { cleanEnv, cli, type ServedEmulator, startCli, startEmulatorProcess, tempDir } from './cli-process.js'

const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  // Runs finish at once: these tests are about the transport, and 50 processes share 2 cores.
  emulator = await startEmulatorProcess(tempDir(), { CARGO_AI_EMULATOR_SPEED: 'instant' })
  env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_BASE_URL: emulator.baseUrl, CARGO_AI_TOKEN: emulator.token })
})
afterAll(async () => {
  await emulator?.stop()
})

/** The emulator's control endpoints answer only its own token. */
const control = (init: RequestInit = {}) => fetch(`${emulator.baseUrl}/__emulator/faults`, { ...init, headers: { authorization: `Bearer ${emulator.token}` } })

async function setFaults(faults: Fault[]): Promise<void> {
  const response = await control({ method: 'POST', body: JSON.stringify(faults) })
  expect(response.status).toBe(200)
}
async function faultHits(): Promise<number[]> {
  const { faults } = (await (await control()).json()) as { faults: Array<{ hits: number }> }
  return faults.map((fault) => fault.hits)
}
afterEach(async () => {
  await control({ method: 'DELETE' })
})

const runCount = async () => (await cli(['orchestration', 'run', 'count', '--workflow-uuid', TOOL_WORKFLOW], env)).json().count as number

describe('faults', () => {
  it('a read is retried through 503s (with Retry-After) and succeeds', async () => {
    await setFaults([{ method: 'GET', path: '/v1/orchestration/tools/list', status: 503, retryAfter: '0', times: 2 }])
    const result = await cli(['orchestration', 'tool', 'list', '--query', 'length(tools)'], { ...env, DEBUG: 'cargo-ai*' })
    expect([result.code, result.json()]).toEqual([0, 1])
    expect(result.stderr).toContain('retry 3/3 of GET /orchestration/tools/list')
    expect(await faultHits()).toEqual([2])
  })

  it('a create whose answer is lost is not sent again: exactly one run exists', async () => {
    const before = await runCount()
    await setFaults([{ method: 'POST', path: '/v1/orchestration/runs', reset: 'after', times: 1 }])
    const result = await cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"lost.com"}'], env)
    expect(result.code).toBe(4)
    // not "could not reach": the run exists, and the error says how to find it
    const { errorMessage, reason, checkWith } = result.json()
    expect(reason).toBe('outcomeUnknown')
    expect(errorMessage).toMatch(/^POST \/orchestration\/runs was sent but its answer was lost \(.+\): it may have taken effect\. The run may exist: check with `cargo-ai orchestration run list/)
    expect(checkWith).toMatch(new RegExp(`^cargo-ai orchestration run list --workflow-uuid ${TOOL_WORKFLOW} --created-after \\S+Z$`))
    const found = await cli(checkWith.split(' ').slice(1), env)
    expect(found.code).toBe(0)
    expect(found.json().runs.length).toBeGreaterThanOrEqual(1)
    expect(await runCount()).toBe(before + 1)
  })

  it('a connection reset before the answer: a create is not retried, nothing is created', async () => {
    const before = await runCount()
    await setFaults([{ method: 'POST', path: '/v1/orchestration/runs', reset: 'before', times: 1 }])
    const result = await cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{}'], env)
    // A reset after the connection was made may have reached the server: not retried either, and said so.
    expect(result.code).toBe(4)
    expect(result.json().reason).toBe('outcomeUnknown')
    expect(await runCount()).toBe(before)
  })

  it.each([
    ['a truncated body', { truncate: true }, 4, /^Network error/],
    ['an HTML body with 200', { body: 'html' as const }, 1, /body that is not JSON/],
    ['invalid JSON with 200', { body: 'invalidJson' as const }, 1, /body that is not JSON/],
    ['an HTML 502', { status: 502, body: 'html' as const }, 4, /^Server error \(HTTP 502, the body is not JSON\)$/],
  ])('%s: a clear error and the documented exit code', async (_label, fault, code, message) => {
    await setFaults([{ method: 'GET', path: '/v1/orchestration/workflows/list', ...fault }])
    const result = await cli(['orchestration', 'workflow', 'list'], env)
    expect(result.code).toBe(code)
    expect(result.json().errorMessage).toMatch(message)
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m)
  })

  it('a stalled server hits CARGO_AI_TIMEOUT (exit 4)', async () => {
    await setFaults([{ path: '/v1/orchestration/workflows/list', latencyMs: 5000 }])
    const started = Date.now()
    const result = await cli(['orchestration', 'workflow', 'list'], { ...env, CARGO_AI_TIMEOUT: '500ms' })
    expect(result.code).toBe(4)
    expect(result.json().errorMessage).toMatch(/^Timed out after 0\.5 s/)
    // three attempts of a read, each bounded: about 2.5 s alone, up to 4.5 s on a loaded machine; unbounded would be 15 s
    expect(Date.now() - started).toBeLessThan(7000)
  })

  it('waiting through intermittent 503s still ends with the final state', async () => {
    await setFaults([{ method: 'GET', path: '/v1/orchestration/runs/*', status: 503, every: 2 }])
    const result = await cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"flaky.com"}', '--wait-until-finished', '--polling-interval', '300'], env)
    expect([result.code, result.json().run.status]).toEqual([0, 'success'])
    expect((await faultHits())[0]).toBeGreaterThan(0)
  })
})

describe('signals while waiting', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s prints the last state and the uuid to resume with, exits 130, and the run goes on', async (signal) => {
    // A slow emulator so the run is still going when the signal arrives.
    const slow = await startEmulatorProcess(tempDir(), { CARGO_AI_EMULATOR_SPEED: '0.05' })
    try {
      const slowEnv = { ...env, CARGO_AI_BASE_URL: slow.baseUrl }
      // DEBUG shows each poll on stderr: the signal is sent once the CLI is really waiting.
      const running = startCli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"acme.com"}', '--wait-until-finished', '--polling-interval', '200'], { ...slowEnv, DEBUG: 'cargo-ai:wait' })
      await running.stderrMatch(/cargo-ai:wait run \S+: (pending|running)/)
      running.child.kill(signal)
      const result = await running.done
      expect(result.code).toBe(130)
      const { run } = result.json()
      expect(['pending', 'running']).toContain(run.status)
      expect(result.stderr).toContain(`Resume with: cargo-ai orchestration run wait ${run.uuid}`)
      const later = await cli(['orchestration', 'run', 'get', run.uuid], slowEnv)
      expect(['pending', 'running']).toContain(later.json().run.status)
    } finally {
      await slow.stop()
    }
  })
})

describe('load', () => {
  it('50 CLI processes at once (reads, creates, waits) all succeed, with exactly the runs created', async () => {
    const before = await runCount()
    const jobs = Array.from({ length: 50 }, (_, index) => {
      if (index % 5 === 0) return cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', JSON.stringify({ domain: `w${index}.com` }), '--wait-until-finished', '--polling-interval', '500'], env)
      if (index % 5 === 1) return cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', JSON.stringify({ domain: `c${index}.com` })], env)
      if (index % 5 === 2) return cli(['orchestration', 'tool', 'list'], env)
      if (index % 5 === 3) return cli(['orchestration', 'run', 'list', '--workflow-uuid', TOOL_WORKFLOW, '--limit', '5'], env)
      return cli(['whoami'], env)
    })
    const results = await Promise.all(jobs)
    expect(results.filter((result) => result.code !== 0).map((result) => result.stdout)).toEqual([])
    for (const result of results) expect(() => result.json()).not.toThrow()
    expect(await runCount()).toBe(before + 20)
  }, 120_000)
})
