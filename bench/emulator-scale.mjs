// The emulator under a service's load (issue 13, point 4): a large store, many active runs, a large batch.
// Setup note: the stored runs are bulk-inserted through the Store API in one transaction (copies of one
// run the emulator made itself), which takes seconds instead of the minutes 30,000 run creates would.
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createEmulator, startEmulatorServer, SEED } from '../dist/emulator/index.js'
import { Store } from '../dist/emulator/kernel/store.js'

const ORIGIN = 'http://emulator.bench'
const auth = { authorization: `Bearer ${SEED.token}`, 'content-type': 'application/json' }
const action = { kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich', config: {} }
const dirs = []

function tempDb() {
  const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-bench-'))
  dirs.push(dir)
  return join(dir, 'emulator.db')
}

async function call(emulator, method, path, body) {
  const response = await emulator.handle(new Request(`${ORIGIN}/v1${path}`, { method, headers: auth, body: body === undefined ? undefined : JSON.stringify(body) }))
  const text = await response.text()
  if (response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Milliseconds of each of `times` calls (after two warm-up calls). */
async function timed(times, fn) {
  await fn()
  await fn()
  const spent = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    await fn()
    spent.push(performance.now() - start)
  }
  return spent
}

/**
 * A store of `total` runs, `active` of them still to run: finished ones spread over the past days,
 * active ones starting over the next ten minutes, so that a few become due on each request, as in use.
 */
async function seededStore(total, active) {
  const dbPath = tempDb()
  const emulator = createEmulator({ dbPath })
  const { run } = await call(emulator, 'POST', '/orchestration/actions/execute', { action, data: { domain: 'acme.com' } })
  emulator.close()
  const store = new Store(dbPath)
  const template = store.get('run', run.uuid)
  const finished = { ...template, status: template._sim.status, finishedAt: template.createdAt, _settleAt: null }
  const now = Date.now()
  const started = performance.now()
  store.transaction(() => {
    for (let i = 0; i < total - 1; i++) {
      const uuid = randomUUID()
      const isActive = i < active
      const createdAt = new Date(isActive ? now - 1000 : now - 86_400_000 * 3 + i * 1000).toISOString()
      const startAt = now + 1000 + Math.floor(Math.random() * 600_000)
      const doc = isActive
        ? { ...template, uuid, status: 'pending', executions: [], finishedAt: null, createdAt, updatedAt: createdAt, _sim: { ...template._sim, startAt }, _settleAt: startAt }
        : { ...finished, uuid, status: i % 3 === 0 ? 'error' : 'success', createdAt, updatedAt: createdAt, recordId: `record-${i}` }
      store.put('run', doc, SEED.workspaceUuid)
    }
  })
  const seedMs = performance.now() - started
  store.close()
  return { dbPath, seedMs }
}

/** `clients` loops each sending GETs for `ms`; answers requests per second. */
async function throughput(url, path, clients, ms) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const get = () =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${url}/v1${path}`, { agent, headers: auth }, (response) => {
        response.resume()
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`GET ${path}: ${response.statusCode}`))))
      })
      req.on('error', reject)
      req.end()
    })
  let count = 0
  const until = performance.now() + ms
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        await get()
        count++
      }
    }),
  )
  agent.destroy()
  return count / (ms / 1000)
}

function report(label, value, unit, target, meets) {
  const ratio = meets === 'max' ? value / target : target / value
  const met = meets === 'max' ? value <= target : value >= target
  console.log(`${label}: ${value.toFixed(1)} ${unit} (target ${meets === 'max' ? '≤' : '≥'} ${target} ${unit}, ratio ${ratio.toFixed(2)}: ${met ? 'met' : 'NOT met'})`)
  return met
}

const results = []
try {
  // 1. GETs with 10,000 runs stored and 1,000 active
  {
    const { dbPath, seedMs } = await seededStore(10_000, 1_000)
    console.log(`seeded 10,000 runs (1,000 active) in ${seedMs.toFixed(0)} ms`)
    const emulator = createEmulator({ dbPath })
    const runUuid = (await call(emulator, 'POST', '/orchestration/runs/list', { limit: 1 })).runs[0].uuid
    const getRun = await timed(200, () => call(emulator, 'GET', `/orchestration/runs/${runUuid}`))
    const listTools = await timed(200, () => call(emulator, 'GET', '/orchestration/tools/list'))
    emulator.close()
    results.push(report('run get, median (in-process handle)', median(getRun), 'ms', 20, 'max'))
    results.push(report('tool list, median (in-process handle)', median(listTools), 'ms', 20, 'max'))
    const server = await startEmulatorServer({ dbPath })
    const rate = await throughput(server.url, `/orchestration/runs/${runUuid}`, 10, 5000)
    await server.close()
    results.push(report('run get over HTTP, 10 clients for 5 s', rate, 'requests/s', 400, 'min'))
  }
  // 2. a 10,000-record action execute-batch
  {
    const emulator = createEmulator({ dbPath: tempDb() })
    const records = Array.from({ length: 10_000 }, (_, i) => ({ domain: `company-${i}.com` }))
    const start = performance.now()
    const { batch } = await call(emulator, 'POST', '/orchestration/actions/execute-batch', { action, records })
    const spent = performance.now() - start
    results.push(report('action execute-batch of 10,000 records', spent / 1000, 's', 3, 'max'))
    const after = await timed(20, () => call(emulator, 'GET', `/orchestration/batches/${batch.uuid}`))
    results.push(report('batch get after it, median', median(after), 'ms', 20, 'max'))
    emulator.close()
  }
  // 3. run list and run count over 30,000 runs
  {
    const { dbPath, seedMs } = await seededStore(30_000, 0)
    console.log(`seeded 30,000 runs in ${seedMs.toFixed(0)} ms`)
    const emulator = createEmulator({ dbPath })
    const list = await timed(10, () => call(emulator, 'POST', '/orchestration/runs/list', { limit: 10 }))
    const count = await timed(10, () => call(emulator, 'POST', '/orchestration/runs/count', {}))
    const filtered = await timed(10, () => call(emulator, 'POST', '/orchestration/runs/count', { statuses: ['error'] }))
    // the finished runs were created one a second from three days ago: about half are later than this
    const since = new Date(Date.now() - 86_400_000 * 3 + 15_000_000).toISOString()
    const datedList = await timed(10, () => call(emulator, 'POST', '/orchestration/runs/list', { createdAfter: since, isFinished: true, limit: 10 }))
    const filteredList = await timed(10, () => call(emulator, 'POST', '/orchestration/runs/list', { statuses: ['success', 'error'], limit: 10 }))
    emulator.close()
    results.push(report('run list --limit 10 over 30,000 runs, median', median(list), 'ms', 100, 'max'))
    results.push(report('run count over 30,000 runs, median', median(count), 'ms', 100, 'max'))
    results.push(report('run count --statuses error over 30,000 runs, median', median(filtered), 'ms', 100, 'max'))
    results.push(report('run list --statuses success,error --limit 10 over 30,000 runs, median', median(filteredList), 'ms', 100, 'max'))
    results.push(report('run list --created-after (half of them) --is-finished --limit 10 over 30,000 runs, median', median(datedList), 'ms', 100, 'max'))
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}
console.log(results.every(Boolean) ? 'all targets met' : 'some targets NOT met')
