// Start-up cost as ratios to a bare `node -e 0` measured in the same run (medians of N runs).
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin', 'run.js')
const runs = Number(process.env.BENCH_RUNS ?? 15)
// BENCH_OLD_ROOT: a built checkout of an older commit, measured with the same cases for comparison
const oldRoot = process.env.BENCH_OLD_ROOT

const RUN = { uuid: '00000000-0000-4000-8000-000000000201', status: 'success', workflowUuid: '00000000-0000-4000-8000-000000000102' }
/** One answer per path the cases call; a finished run, so that waiting ends at once. */
function answerFor(method, url) {
  if (url.includes('/runs/list')) return { runs: [] }
  if (url.includes('/runs')) return { run: RUN }
  if (url.includes('/tools/list')) return { tools: [] }
  if (url.includes('/users/current')) return { user: { uuid: 'u', email: 'bench@example.com' } }
  if (url.includes('/workspaces/current')) return { workspace: { uuid: 'w', name: 'Bench' } }
  return { workflows: [] }
}

const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json')
  request.resume()
  request.on('end', () => response.end(JSON.stringify(answerFor(request.method, request.url))))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const env = {
  PATH: process.env.PATH,
  HOME: mkdtempSync(join(tmpdir(), 'cargo-ai-bench-')),
  CARGO_AI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cargo-ai-bench-')),
  CARGO_AI_BASE_URL: `http://127.0.0.1:${server.address().port}`,
  CARGO_AI_TOKEN: 'bench',
  CARGO_AI_KEYRING: 'off',
}

// The stub answers from this process, so each timed command runs while the event loop is free.
async function median(args, extraEnv = {}, expectedCode = 0, command = process.execPath) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    await new Promise((resolve, reject) => {
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' })
        child.on('error', reject)
        child.on('close', (code) => (code === expectedCode ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))))
      })
    })
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

spawnSync(process.execPath, [bin, '--version'], { env }) // warm the file cache
// the embedded emulator (how the Quick start runs): a profile signed in with login --emulator
const emulatorEnv = { CARGO_AI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cargo-ai-bench-emulator-')), CARGO_AI_TOKEN: '', CARGO_AI_BASE_URL: '' }
spawnSync(process.execPath, [bin, 'login', '--emulator'], { env: { ...env, ...emulatorEnv } })
const baseline = await median(['-e', '0'])
const WORKFLOW = '00000000-0000-4000-8000-000000000102'
// label, argv after bin/run.js, target ratio (issue 12), extra env, expected exit code
const cases = [
  ['--version', ['--version'], 1.2],
  ['--help piped (orchestration run create --help)', ['orchestration', 'run', 'create', '--help'], 1.5],
  ['list round trip (orchestration workflow list)', ['orchestration', 'workflow', 'list'], 1.8],
  ['list round trip with checked flags (run list --workflow-uuid … --limit 5 --created-after …)', ['orchestration', 'run', 'list', '--workflow-uuid', WORKFLOW, '--limit', '5', '--created-after', '2025-01-01'], 1.8],
  ['list round trip (orchestration tool list)', ['orchestration', 'tool', 'list'], 1.8],
  ['round trip (whoami)', ['whoami'], 1.8],
  ["run create --data '{…}'", ['orchestration', 'run', 'create', '--workflow-uuid', WORKFLOW, '--data', '{"domain":"acme.com"}'], 2.0],
  ['run create … --wait-until-finished (finished at once)', ['orchestration', 'run', 'create', '--workflow-uuid', WORKFLOW, '--data', '{"domain":"acme.com"}', '--wait-until-finished'], 2.2],
  ['an invalid flag value (run list --workflow-uuid not-a-uuid)', ['orchestration', 'run', 'list', '--workflow-uuid', 'not-a-uuid'], 2.0, {}, 2],
  ['an unknown flag (workflow list --bogus)', ['orchestration', 'workflow', 'list', '--bogus'], 2.0, {}, 2],
  ['embedded emulator: orchestration tool list', ['orchestration', 'tool', 'list'], 2.5, emulatorEnv],
]
console.log(`node -e 0: ${baseline.toFixed(0)} ms (median of ${runs})`)
const ratioOf = async (root, args, extraEnv, code) => (await median([join(root, 'bin', 'run.js'), ...args], extraEnv, code)) / baseline
for (const [label, args, target, extraEnv, code] of cases) {
  const ratio = await ratioOf(root, args, extraEnv, code)
  const old = oldRoot ? await ratioOf(oldRoot, args, extraEnv, code).then((value) => ` (old path ${value.toFixed(2)}x)`, () => ' (old path: failed)') : ''
  console.log(`${label}: ${(ratio * baseline).toFixed(0)} ms = ${ratio.toFixed(2)}x${old}${target ? ` (target ≤ ${target}x: ${ratio <= target ? 'met' : 'NOT met'})` : ''}`)
}
// a terminal: `script` gives the command a pty; its own cost is measured the same way
if (spawnSync('script', ['--version']).status === 0) {
  const pty = (command) => median(['-qec', command, '/dev/null'], {}, 0, 'script')
  const ptyBaseline = await pty(`${process.execPath} -e 0`)
  const ratio = (await pty(`${process.execPath} ${bin} orchestration run create --help`)) / ptyBaseline
  console.log(`--help on a terminal (pty through script): ${ratio.toFixed(2)}x of node -e 0 under script (target ≤ 2.0x: ${ratio <= 2 ? 'met' : 'NOT met'})`)
}
server.close()
