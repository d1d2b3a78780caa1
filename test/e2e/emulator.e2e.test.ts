import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, cli, type ServedEmulator, startCli, startEmulatorProcess, tempDir } from './cli-process.js'

// Fixed values seeded by the emulator (src/emulator/seed.ts).
const TOOL_WORKFLOW = '00000000-0000-4000-8000-000000000102'
const PLAY_WORKFLOW = '00000000-0000-4000-8000-000000000202'

let emulator: ServedEmulator
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  emulator = await startEmulatorProcess(tempDir())
  env = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir(), CARGO_AI_BASE_URL: emulator.baseUrl })
  const login = await cli(['login', '--token', emulator.token], env)
  expect(login.code).toBe(0)
})

afterAll(async () => {
  expect(await emulator?.stop()).toBe(0)
})

describe('the CLI against a served emulator', () => {
  it('whoami shows the signed-in workspace', async () => {
    const who = await cli(['whoami'], env)
    expect(who.code).toBe(0)
    expect(who.json()).toMatchObject({ workspace: { uuid: emulator.workspaceUuid }, credentials: 'file', baseUrl: emulator.baseUrl })
  })

  it('run create --wait-until-finished prints the finished run with its context', async () => {
    const result = await cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"acme.com"}', '--wait-until-finished'], env)
    expect(result.code).toBe(0)
    const { run, runContext } = result.json()
    expect(run.status).toBe('success')
    expect(runContext.start.domain).toBe('acme.com')
    expect(runContext.enrich.name).toBe('Acme')
  })

  it('a failing node ends the run in error: exit 0, or 5 with --exit-status', async () => {
    const args = ['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"broken.invalid"}', '--wait-until-finished', '--polling-interval', '500']
    const plain = await cli(args, env)
    expect([plain.code, plain.json().run.status]).toEqual([0, 'error'])
    const strict = await cli([...args, '--exit-status'], env)
    expect([strict.code, strict.json().run.status]).toEqual([5, 'error'])
  })

  it('batch create --wait-until-finished counts its runs', async () => {
    const data = JSON.stringify({ kind: 'records', records: [{ domain: 'a.com' }, { domain: 'b.com' }, { domain: 'c.invalid' }] })
    const result = await cli(['orchestration', 'batch', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', data, '--wait-until-finished', '--polling-interval', '500'], env)
    expect(result.code).toBe(0)
    expect(result.json().batch).toMatchObject({ status: 'success', runsCount: 3, executedRunsCount: 3, failedRunsCount: 1 })
  })

  it('run download streams the export, to stdout or a file', async () => {
    const out = await cli(['orchestration', 'run', 'download', '--workflow-uuid', TOOL_WORKFLOW], env)
    expect(out.code).toBe(0)
    const lines = out.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.length).toBeGreaterThanOrEqual(1)
    expect(lines.every((run) => run.workflowUuid === TOOL_WORKFLOW)).toBe(true)

    const target = join(tempDir(), 'runs.ndjson')
    const saved = await cli(['orchestration', 'run', 'download', '--workflow-uuid', TOOL_WORKFLOW, '--output', target], env)
    expect(saved.json()).toMatchObject({ output: target, files: 1 })
    expect(readFileSync(target, 'utf8')).toBe(out.stdout)

    const urlOnly = await cli(['orchestration', 'run', 'download', '--workflow-uuid', TOOL_WORKFLOW, '--url-only'], env)
    expect(urlOnly.json().url).toMatch(new RegExp(`^${emulator.baseUrl}/`))
  })

  it('refuses a play workflow for run create (playNotCompatible, exit 1)', async () => {
    const result = await cli(['orchestration', 'run', 'create', '--workflow-uuid', PLAY_WORKFLOW, '--data', '{}'], env)
    expect(result.code).toBe(1)
    expect(result.json()).toMatchObject({ reason: 'playNotCompatible', status: 400 })
    expect(result.json().errorMessage).toMatch(/batch create/)
  })

  it('answers an unknown uuid with a not-found reason (exit 1)', async () => {
    const result = await cli(['orchestration', 'run', 'get', '99999999-0000-4000-8000-000000000000'], env)
    expect(result.code).toBe(1)
    expect(result.json()).toMatchObject({ reason: 'runNotFound', status: 404 })
  })

  it('a wrong token exits 3', async () => {
    const result = await cli(['orchestration', 'tool', 'list'], { ...env, CARGO_AI_TOKEN: 'wrong-token' })
    expect([result.code, result.json()]).toEqual([3, { errorMessage: 'The token from CARGO_AI_TOKEN was refused: Unauthorized', status: 401 }])
  })

  it('several processes creating runs at once all succeed, and every run is stored', async () => {
    const count = async () => (await cli(['orchestration', 'run', 'count', '--workflow-uuid', TOOL_WORKFLOW], env)).json().count as number
    const before = await count()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', JSON.stringify({ domain: `parallel-${index}.com` })], env),
      ),
    )
    expect(results.map((result) => result.code)).toEqual(Array(8).fill(0))
    expect(new Set(results.map((result) => result.json().run.uuid)).size).toBe(8)
    expect(await count()).toBe(before + 8)
  })

  it('declared commands start from the build-time table, refused command lines included', async () => {
    const argv = ['orchestration', 'run', 'list', '--workflow-uuid', TOOL_WORKFLOW, '--limit', '3', '--query', 'runs[].uuid']
    const fast = await cli(argv, { ...env, DEBUG: 'cargo-ai:fast' })
    expect(fast.stderr).toBe('cargo-ai:fast orchestration:run:list: fast path\n')
    expect(fast.code).toBe(0)
    expect(fast.json().length).toBeGreaterThan(0)
    const unknownFlag = await cli(['orchestration', 'run', 'list', '--bogus'], { ...env, DEBUG: 'cargo-ai:fast' })
    expect(unknownFlag.stderr).toBe('cargo-ai:fast orchestration:run:list: fast path\n')
    expect([unknownFlag.code, unknownFlag.json()]).toEqual([2, { errorMessage: 'Unknown flag --bogus. Run `cargo-ai orchestration run list --help` to list its flags.', reason: 'unknownFlag' }])
  })

  it('a reader that closes the pipe early (`| head`) ends it quietly: exit 0, nothing on stderr', async () => {
    // a declared command (build-time table) and a hand-written one (oclif's class)
    for (const argv of [['orchestration', 'run', 'download', '--workflow-uuid', TOOL_WORKFLOW], ['orchestration', 'tool', 'list']]) {
      const running = startCli(argv, env)
      running.child.stdout?.destroy()
      const result = await running.done
      expect([argv[1], result.code, result.stderr]).toEqual([argv[1], 0, ''])
    }
  })

  it('query execute runs SQL over the runs table', async () => {
    const result = await cli(['orchestration', 'query', 'execute', `SELECT count() AS n FROM runs WHERE workflow_uuid = '${TOOL_WORKFLOW}'`], env)
    expect(result.code).toBe(0)
    expect(result.json().rows[0].n).toBeGreaterThan(0)
  })
})

describe('the embedded emulator (login --emulator)', () => {
  it('runs the tool in-process, sharing state with emulator reset', async () => {
    const local = cleanEnv({ CARGO_AI_CONFIG_DIR: tempDir() })
    expect((await cli(['login', '--emulator'], local)).code).toBe(0)
    const run = await cli(['orchestration', 'run', 'create', '--workflow-uuid', TOOL_WORKFLOW, '--data', '{"domain":"globex.com"}', '--wait-until-finished'], local)
    expect([run.code, run.json().run.status]).toEqual([0, 'success'])
    expect((await cli(['orchestration', 'run', 'count', '--workflow-uuid', TOOL_WORKFLOW], local)).json()).toEqual({ count: 1 })
    expect((await cli(['emulator', 'reset'], local)).code).toBe(0)
    expect((await cli(['orchestration', 'run', 'count', '--workflow-uuid', TOOL_WORKFLOW], local)).json()).toEqual({ count: 0 })
  })
})
