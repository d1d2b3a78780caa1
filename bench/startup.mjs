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

const server = createServer((request, response) => {
  response.setHeader('content-type', 'application/json')
  response.end(JSON.stringify(request.url.includes('/runs') ? { runs: [] } : { workflows: [] }))
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
async function median(args, extraEnv = {}) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint()
    await new Promise((resolve, reject) => {
      import('node:child_process').then(({ spawn }) => {
        const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: 'ignore' })
        child.on('error', reject)
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}`))))
      })
    })
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

spawnSync(process.execPath, [bin, '--version'], { env }) // warm the file cache
const baseline = await median(['-e', '0'])
const cases = [
  ['--version', [bin, '--version'], 2.0],
  ['deep --help (orchestration run create --help)', [bin, 'orchestration', 'run', 'create', '--help'], undefined],
  ['round trip (orchestration workflow list, local stub)', [bin, 'orchestration', 'workflow', 'list'], 3.0],
  ['round trip with checked flags (run list --workflow-uuid … --limit 5 --created-after 2025-01-01)', [bin, 'orchestration', 'run', 'list', '--workflow-uuid', '00000000-0000-4000-8000-000000000102', '--limit', '5', '--created-after', '2025-01-01'], 3.0],
  ['round trip on oclif (CARGO_AI_FAST_PATH=0 orchestration workflow list)', [bin, 'orchestration', 'workflow', 'list'], undefined, { CARGO_AI_FAST_PATH: '0' }],
]
console.log(`node -e 0: ${baseline.toFixed(0)} ms (median of ${runs})`)
for (const [label, args, target, extraEnv] of cases) {
  const ms = await median(args, extraEnv)
  const ratio = ms / baseline
  console.log(`${label}: ${ms.toFixed(0)} ms = ${ratio.toFixed(2)}x${target ? ` (target ≤ ${target}x: ${ratio <= target ? 'met' : 'NOT met'})` : ''}`)
}
server.close()
