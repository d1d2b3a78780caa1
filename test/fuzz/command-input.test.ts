import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import CreateBatch from '../../src/commands/orchestration/batch/create.js'
import GetRun from '../../src/commands/orchestration/run/get.js'
import ListRuns from '../../src/commands/orchestration/run/list.js'
import CreateRun from '../../src/commands/orchestration/run/create.js'
import { stubApi } from '../support/api-stub.js'
import { runCommand, type RunResult } from '../support/run-command.js'

/** The output contract, whatever the input: exit 0 with JSON, or one JSON error object; never a stack. */
function expectContract(result: RunResult) {
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
  expect([0, 1, 2, 3, 4, 5]).toContain(result.exitCode)
  if (result.exitCode !== 0) {
    const body = result.json()
    expect(typeof body.errorMessage).toBe('string')
    expect(body.errorMessage.length).toBeGreaterThan(0)
  }
}

const commands = [CreateRun, ListRuns, GetRun, CreateBatch]
const flagNames = ['--data', '--nodes', '--workflow-uuid', '--release-uuid', '--statuses', '--limit', '--offset', '--is-finished', '--created-after', '--executions-filter', '--query', '--format', '--wait-timeout', '--wait-until-finished', '--polling-interval', '--', '-x']
const jsonish = fc.oneof(
  fc.json(),
  fc.string(),
  fc.constantFrom('{', '[', 'null', '{}', '[]', '{"a":', '@/nonexistent', '-', '@', '""', 'true', '1e999', '\u0000', '\uD800'),
)
const token = fc.oneof(fc.constantFrom(...flagNames), jsonish, fc.string())

const serverBody = fc.oneof(
  fc.json().map((text) => ({ text, type: 'application/json' })),
  fc.string().map((text) => ({ text, type: 'text/plain' })),
  fc.constant({ text: '<html>oops</html>', type: 'text/html' }),
  fc.constant({ text: '', type: 'application/json' }),
  fc.jsonValue().map((value) => ({ text: JSON.stringify({ run: value, runs: value, batch: value }), type: 'application/json' })),
)
const status = fc.constantFrom(200, 200, 200, 400, 401, 403, 404, 429, 500, 503)

describe('fuzzing the command layer', () => {
  it('random argv never crashes and keeps the output contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(commands.length - 1), fc.array(token, { maxLength: 8 }), async (index, argv) => {
        stubApi('POST', '/v1/orchestration/runs', { run: { uuid: 'r', status: 'pending' } })
        stubApi('POST', '/v1/orchestration/runs/list', { runs: [], count: 0 })
        stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { uuid: 'r', status: 'success' } })
        stubApi('POST', '/v1/orchestration/batches', { batch: { uuid: 'b', status: 'pending' } })
        expectContract(await runCommand(commands[index], argv))
      }),
      { numRuns: 150 },
    )
  })

  it('random server answers never crash and keep the output contract', async () => {
    await fc.assert(
      fc.asyncProperty(serverBody, status, async (body, code) => {
        stubApi('POST', '/v1/orchestration/runs/list', () => new Response(body.text, { status: code, headers: { 'content-type': body.type } }))
        stubApi('GET', '/v1/orchestration/runs/{uuid}', () => new Response(body.text, { status: code, headers: { 'content-type': body.type } }))
        expectContract(await runCommand(ListRuns, ['--format', 'table']))
        expectContract(await runCommand(GetRun, ['6f1e2d3c-4b5a-4968-8776-655443322110', '--query', 'run.status']))
      }),
      { numRuns: 150 },
    )
  })
})
