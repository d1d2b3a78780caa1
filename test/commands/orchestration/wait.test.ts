import { describe, expect, it } from 'vitest'
import ExecuteAction from '../../../src/commands/orchestration/action/execute.js'
import CreateBatch from '../../../src/commands/orchestration/batch/create.js'
import CreateRun from '../../../src/commands/orchestration/run/create.js'
import WaitRun from '../../../src/commands/orchestration/run/wait.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand } from '../../support/run-command.js'

const runUuid = 'aaaaaaaa-1111-4111-8111-111111111111'
const run = (status: string) => ({ uuid: runUuid, workflowUuid: '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', status, errorMessage: null, executions: [] })
const getResult = (status: string) => ({ run: run(status), runContext: { start: { domain: 'acme.com', extra: null } }, runComputedConfigs: {} })

function stubRunLifecycle(statuses: string[]) {
  stubApi('POST', '/v1/orchestration/runs', { run: run('pending') })
  stubApi('GET', '/v1/orchestration/runs/{uuid}', (_request, index) => getResult(statuses[Math.min(index, statuses.length - 1)]))
}

describe('--wait-until-finished', () => {
  it('run create polls run get every 2 s and prints the final get result', async () => {
    stubRunLifecycle(['pending', 'running', 'success'])
    const clock = new FakeClock()
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{"domain":"acme.com"}', '--wait-until-finished'], { clock })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({
      run: { uuid: runUuid, workflowUuid: '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', status: 'success', executions: [] },
      runContext: { start: { domain: 'acme.com', extra: null } },
      runComputedConfigs: {},
    })
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/orchestration/runs',
      `GET /v1/orchestration/runs/${runUuid}`,
      `GET /v1/orchestration/runs/${runUuid}`,
      `GET /v1/orchestration/runs/${runUuid}`,
    ])
    expect(clock.sleeps).toEqual([2000, 2000])
    expect(result.stderr).toBe('')
  })

  it('an error status is a normal result without --exit-status, exit 5 with it', async () => {
    stubRunLifecycle(['error'])
    const plain = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}', '--wait-until-finished'], { clock: new FakeClock() })
    expect([plain.exitCode, plain.json().run.status]).toEqual([0, 'error'])

    stubRunLifecycle(['error'])
    const strict = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}', '--wait-until-finished', '--exit-status'], { clock: new FakeClock() })
    expect([strict.exitCode, strict.json().run.status]).toEqual([5, 'error'])
  })

  it('--polling-interval sets the interval (action execute)', async () => {
    stubApi('POST', '/v1/orchestration/actions/execute', { run: run('pending') })
    stubApi('GET', '/v1/orchestration/runs/{uuid}', (_r, index) => getResult(index < 2 ? 'running' : 'success'))
    const clock = new FakeClock()
    const action = '{"kind":"native","actionSlug":"variables","config":{}}'
    const result = await runCommand(ExecuteAction, ['--action', action, '--data', '{}', '--wait-until-finished', '--polling-interval', '750'], { clock })
    expect(result.exitCode).toBe(0)
    expect(clock.sleeps).toEqual([750, 750])
  })

  it('batch create polls batch get every 5 s and prints {batch}', async () => {
    const batch = (status: string) => ({ batch: { uuid: 'b-1', status, runsCount: 2, executedRunsCount: status === 'success' ? 2 : 0, failedRunsCount: 0 } })
    stubApi('POST', '/v1/orchestration/batches', batch('pending'))
    stubApi('GET', '/v1/orchestration/batches/{uuid}', (_r, index) => batch(index === 0 ? 'running' : 'success'))
    const clock = new FakeClock()
    const data = '{"kind":"records","records":[{"domain":"a.com"},{"domain":"b.com"}]}'
    const result = await runCommand(CreateBatch, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', data, '--wait-until-finished'], { clock })
    expect(result.json()).toEqual(batch('success'))
    expect(clock.sleeps).toEqual([5000])
  })

  it('--wait-timeout stops waiting with a JSON error naming the uuid to resume with (exit 4)', async () => {
    stubRunLifecycle(['running'])
    const clock = new FakeClock()
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}', '--wait-until-finished', '--wait-timeout', '10s'], { clock })
    expect(result.exitCode).toBe(4)
    expect(result.json()).toEqual({
      errorMessage: `Stopped waiting after 10s: run ${runUuid} is still running and keeps running. Resume with: cargo-ai orchestration run wait ${runUuid}`,
      reason: 'waitTimeout',
      uuid: runUuid,
      lastStatus: 'running',
    })
    expect(clock.now()).toBe(10_000)
  })

  it('Ctrl-C prints the last known state, says how to resume, exits 130 and cancels nothing', async () => {
    stubRunLifecycle(['running'])
    let interrupt: ((signal: 'SIGINT' | 'SIGTERM') => void) | undefined
    const clock = new FakeClock()
    const sleep = clock.sleep.bind(clock)
    clock.sleep = async (ms, signal) => {
      if (clock.sleeps.length === 1) interrupt?.('SIGINT')
      return sleep(ms, signal)
    }
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}', '--wait-until-finished'], {
      clock,
      onInterrupt: (handler) => {
        interrupt = handler
        return () => {}
      },
    })
    expect(result.exitCode).toBe(130)
    expect(result.json().run.status).toBe('running')
    expect(result.stderr).toContain(`Resume with: cargo-ai orchestration run wait ${runUuid}`)
    expect(requests.some((r) => r.path.includes('cancel'))).toBe(false)
  })

  it('retries a 503 while polling and still prints the final state', async () => {
    stubApi('POST', '/v1/orchestration/runs', { run: run('pending') })
    stubApi('GET', '/v1/orchestration/runs/{uuid}', (_r, index) =>
      index === 1 ? new Response('<html>busy</html>', { status: 503 }) : getResult(index === 0 ? 'running' : 'success'),
    )
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}', '--wait-until-finished'], { clock: new FakeClock() })
    expect([result.exitCode, result.json().run.status]).toEqual([0, 'success'])
  })

  it('run wait <uuid> resumes a wait; --exit-status maps cancelled to 5', async () => {
    stubApi('GET', '/v1/orchestration/runs/{uuid}', (_r, index) => getResult(index === 0 ? 'running' : 'cancelled'))
    const result = await runCommand(WaitRun, [runUuid, '--exit-status'], { clock: new FakeClock() })
    expect(result.exitCode).toBe(5)
    expect(result.json().run.status).toBe('cancelled')
    expect(requests.every((r) => r.method === 'GET' && r.path === `/v1/orchestration/runs/${runUuid}`)).toBe(true)
  })

  it('without --wait-until-finished, run create prints the created run at once', async () => {
    stubRunLifecycle(['success'])
    const result = await runCommand(CreateRun, ['--workflow-uuid', '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', '--data', '{}'])
    expect(result.json()).toEqual({ run: { uuid: runUuid, workflowUuid: '3d8e2a10-6b3c-4f1e-9a2d-5c7b8e9f0a1b', status: 'pending', executions: [] } })
    expect(requests).toHaveLength(1)
  })
})
