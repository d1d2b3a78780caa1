// `cargo-ai mcp` as an agent host sees it: from spawn to the answer to `initialize`, as a ratio to a bare
// `node -e 0` started the same way (medians of BENCH_RUNS, default 11), and the median latency of
// `tools/call whoami` on one running server (the embedded emulator, so no network is measured).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// BENCH_BIN: another entry point to compare (e.g. a bin/run.js that starts mcp without oclif)
const bin = process.env.BENCH_BIN ?? join(root, 'bin', 'run.js')
const runs = Math.max(10, Number(process.env.BENCH_RUNS ?? 11))
const calls = Number(process.env.BENCH_CALLS ?? 30)
const TARGET = 2.5

const env = {
  PATH: process.env.PATH,
  HOME: mkdtempSync(join(tmpdir(), 'cargo-ai-bench-')),
  CARGO_AI_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'cargo-ai-bench-')),
  CARGO_AI_KEYRING: 'off',
}
if (spawnSync(process.execPath, [bin, 'login', '--emulator'], { env }).status !== 0) throw new Error('login --emulator failed')

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** A server on stdio: send(message) resolves with the answer of the same id. */
function startServer() {
  const child = spawn(process.execPath, [bin, 'mcp'], { env, stdio: ['pipe', 'pipe', 'ignore'] })
  const waiting = new Map()
  let buffer = ''
  child.stdout.on('data', (chunk) => {
    buffer += chunk
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const message = JSON.parse(buffer.slice(0, newline))
      buffer = buffer.slice(newline + 1)
      waiting.get(message.id)?.(message)
      waiting.delete(message.id)
    }
  })
  const send = (message) =>
    new Promise((resolve) => {
      if (message.id !== undefined) waiting.set(message.id, resolve)
      child.stdin.write(`${JSON.stringify(message)}\n`)
      if (message.id === undefined) resolve()
    })
  const stop = () =>
    new Promise((resolve) => {
      child.on('close', resolve)
      child.stdin.end()
    })
  return { send, stop }
}

async function timeToInitialize() {
  const started = process.hrtime.bigint()
  const server = startServer()
  const answer = await server.send(initialize)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (!answer.result?.serverInfo) throw new Error(`initialize failed: ${JSON.stringify(answer)}`)
  await server.stop()
  return ms
}

function timeNode() {
  const started = process.hrtime.bigint()
  return new Promise((resolve) => {
    spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('close', () => resolve(Number(process.hrtime.bigint() - started) / 1e6))
  })
}

await timeToInitialize() // warm the file cache
const baselines = []
const initializes = []
// alternated, so that a busy moment of the machine weighs on both alike
for (let i = 0; i < runs; i++) {
  baselines.push(await timeNode())
  initializes.push(await timeToInitialize())
}
const baseline = median(baselines)
const init = median(initializes)
const ratio = init / baseline
console.log(`node -e 0: ${baseline.toFixed(0)} ms (median of ${runs})`)
console.log(`spawn → initialize answered: ${init.toFixed(0)} ms = ${ratio.toFixed(2)}x (target ≤ ${TARGET}x: ${ratio <= TARGET ? 'met' : 'NOT met'})`)

const server = startServer()
await server.send(initialize)
await server.send({ jsonrpc: '2.0', method: 'notifications/initialized' })
const latencies = []
for (let id = 2; id < calls + 2; id++) {
  const started = process.hrtime.bigint()
  const answer = await server.send({ jsonrpc: '2.0', id, method: 'tools/call', params: { name: 'whoami', arguments: {} } })
  latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
  if (answer.result?.isError !== undefined || !answer.result) throw new Error(`whoami failed: ${JSON.stringify(answer)}`)
}
await server.stop()
console.log(`tools/call whoami: median ${median(latencies).toFixed(1)} ms, first ${latencies[0].toFixed(1)} ms (${calls} calls, embedded emulator)`)
