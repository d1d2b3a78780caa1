import { execFileSync, spawn } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import * as storage from '../../src/api/endpoints/storage.js'
import * as systemOfRecord from '../../src/api/endpoints/system-of-record.js'
import { ExpressionScope, SCRIPT_CPU_BUDGET_MS } from '../../src/emulator/expressions.js'
import { type EmulatorServer, SEED, startEmulatorServer } from '../../src/emulator/index.js'
import { SqlSandbox } from '../../src/emulator/sql-sandbox.js'
import { cleanEnv, cli, startEmulatorProcess, tempDir as e2eTempDir } from '../e2e/cli-process.js'
import { Harness, tempDir } from '../emulator/harness.js'

/** issue 10, point 7: the emulator is a safe neighbour. */

const ENDLESS = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS n FROM c'
const OTHER_WORKSPACE = '99999999-9999-4999-8999-999999999999'
const OTHER_SECRET = 'row-of-another-workspace'

describe('SQL sees only the views of its own workspace', () => {
  const h = new Harness({ queryTimeoutMs: 5_000 })
  beforeAll(async () => {
    await h.ok(orchestration.createRun, { workflowUuid: SEED.tool.workflowUuid, data: { domain: 'own.com' } })
    // another workspace's run, written straight into the store
    const db = new Database(h.dbPath)
    db.pragma('busy_timeout = 5000')
    const run = { uuid: 'r-other', workspaceUuid: OTHER_WORKSPACE, recordTitle: OTHER_SECRET, status: 'success', executions: [] }
    db.prepare('INSERT INTO entities (kind, uuid, workspace_uuid, data, created_at) VALUES (?, ?, ?, ?, ?)').run('run', run.uuid, OTHER_WORKSPACE, JSON.stringify(run), '2025-01-01')
    db.close()
  })
  afterAll(() => h.close())

  /** The three SQL entry points; each answers either rows or the reason it refused. */
  const entryPoints = {
    'orchestration query': async (query: string) => {
      const answer = await h.call(orchestration.executeQuery, { query })
      return answer.status === 200 ? { rows: answer.body.rows } : { status: answer.status, error: answer.body.errorMessage as string }
    },
    'storage query': async (query: string) => {
      const answer = await h.call(storage.executeQuery, { query })
      return answer.status === 200 ? { rows: answer.body.rows } : { status: answer.status, error: answer.body.errorMessage as string }
    },
    'system-of-record query': async (query: string) => {
      const answer = await h.call(systemOfRecord.querySystemOfRecord, { query })
      expect(answer.status).toBe(200)
      return answer.body.outcome === 'queried' ? { rows: answer.body.rows } : { status: 400, error: answer.body.errorMessage as string }
    },
  }

  const leaks = () => [SEED.token, OTHER_WORKSPACE, OTHER_SECRET, h.dbPath, h.dir.path, 'workspace_uuid TEXT', 'CREATE TABLE entities']

  const attacks: Array<[string, string, RegExp]> = [
    ['the schema table', 'SELECT * FROM sqlite_master', /^SQL error: sqlite_master is not available/],
    ['the schema table (new name)', 'SELECT name, sql FROM sqlite_schema', /^SQL error: sqlite_schema is not available/],
    ['the schema table, quoted, behind a CTE', 'WITH t AS (SELECT 1) SELECT * FROM "sqlite_temp_master"', /^SQL error: sqlite_temp_master is not available/],
    ['a pragma function', "SELECT * FROM pragma_table_info('entities')", /^SQL error: pragma_table_info is not available/],
    ['the database path', 'SELECT file FROM pragma_database_list', /^SQL error: pragma_database_list is not available/],
    ['a PRAGMA statement', 'PRAGMA database_list', /^Only read-only queries \(SELECT\) are allowed$/],
    ['a PRAGMA after a comment', '/* hello */ PRAGMA table_info(entities)', /^Only read-only queries \(SELECT\) are allowed$/],
    ['ATTACH of the store', "ATTACH DATABASE 'emulator.db' AS stolen", /^Only read-only queries \(SELECT\) are allowed$/],
    ['the entities table', 'SELECT * FROM entities', /^SQL error: no such table: entities$/],
    ['the entities table, qualified', 'SELECT data FROM main.entities', /^SQL error: no such table: main.entities$/],
    ['the meta table', 'SELECT * FROM meta', /^SQL error: no such table: meta$/],
    ['token secrets', "SELECT data FROM entities WHERE kind = 'token'", /^SQL error: no such table: entities$/],
    ['uploaded file bytes', 'SELECT bytes FROM workspace_file_bytes', /^SQL error: no such table: workspace_file_bytes$/],
    ['load_extension', "SELECT load_extension('/tmp/evil.so')", /^SQL error: load_extension is not available/],
    ['a write', 'DELETE FROM runs', /^Only read-only queries \(SELECT\) are allowed$/],
    ['an insert', "INSERT INTO runs (uuid) VALUES ('x')", /^Only read-only queries \(SELECT\) are allowed$/],
    ['a new table', 'CREATE TABLE x (a)', /^Only read-only queries \(SELECT\) are allowed$/],
  ]

  for (const [entry, query] of Object.entries(entryPoints)) {
    describe(entry, () => {
      it.each(attacks)('refuses %s', async (_name, sql, message) => {
        const answer = await query(sql)
        expect(answer).toEqual({ status: 400, error: expect.stringMatching(message) })
        for (const secret of leaks()) expect(JSON.stringify(answer)).not.toContain(secret)
      })

      it("answers its own workspace's rows and none of another's", async () => {
        expect(await query(`SELECT count(*) AS n FROM runs WHERE workspace_uuid = '${OTHER_WORKSPACE}'`)).toEqual({ rows: [{ n: 0 }] })
        const own = await query('SELECT DISTINCT workspace_uuid FROM runs')
        expect(own).toEqual({ rows: [{ workspace_uuid: SEED.workspaceUuid }] })
        expect(JSON.stringify(await query('SELECT * FROM records'))).not.toContain(OTHER_SECRET)
      })
    })
  }

  it('holds by construction: past the statement checks, the sandbox database has only the tables handed to it', async () => {
    const sandbox = new SqlSandbox(5_000)
    try {
      const tables = [{ name: 'runs', columns: ['uuid'], rows: [['r1']] }]
      const run = (sql: string) => sandbox.run({ sql, tables, views: [] })
      expect(await run('SELECT type, name FROM sqlite_master')).toEqual([{ type: 'table', name: 'runs' }])
      expect(await run('SELECT name, file FROM pragma_database_list')).toEqual([{ name: 'main', file: '' }])
      expect(await run("SELECT * FROM pragma_table_info('entities')")).toEqual([])
      await expect(run("SELECT load_extension('/tmp/evil.so')")).rejects.toThrow('not authorized')
      await expect(run("ATTACH DATABASE 'x.db' AS x")).rejects.toThrow('Only read-only queries (SELECT) are allowed')
    } finally {
      sandbox.close()
    }
  })
})

describe('a query has a time budget', () => {
  it('an endless query is stopped at the budget with a clear reason, and other requests are answered meanwhile', async () => {
    const h = new Harness({ queryTimeoutMs: 1_000 })
    try {
      const started = performance.now()
      const endless = h.call(orchestration.executeQuery, { query: ENDLESS })
      let endlessDone = false
      void endless.then(() => (endlessDone = true))
      const tools = await h.ok(orchestration.listTools, {})
      expect(tools.tools.length).toBeGreaterThan(0)
      expect(endlessDone).toBe(false)
      expect(await endless).toEqual({
        status: 400,
        body: { errorMessage: 'The query ran longer than 1 s and was stopped (limit: CARGO_AI_EMULATOR_QUERY_TIMEOUT)', reason: 'queryTimeout' },
      })
      expect(performance.now() - started).toBeLessThan(4_000)
      // the next query gets a fresh process
      expect((await h.ok(orchestration.executeQuery, { query: 'SELECT 1 AS one' })).rows).toEqual([{ one: 1 }])
    } finally {
      h.close()
    }
  })

  it('`emulator start`: an endless query, then another request answers, then SIGTERM stops the server and its SQL process promptly', async () => {
    const served = await startEmulatorProcess(e2eTempDir(), { CARGO_AI_EMULATOR_QUERY_TIMEOUT: '60s' })
    const headers = { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' }
    const endless = fetch(`${served.baseUrl}/v1/orchestration/query`, { method: 'POST', headers, body: JSON.stringify({ query: ENDLESS }) }).catch((error: Error) => error)
    const started = performance.now()
    const tools = await fetch(`${served.baseUrl}/v1/orchestration/tools/list`, { headers })
    expect(tools.status).toBe(200)
    expect(performance.now() - started).toBeLessThan(2_000)
    const sqlProcesses = async () => {
      try {
        return execFileSync('pgrep', ['-P', String(served.process.pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean)
      } catch {
        return []
      }
    }
    let children: string[] = []
    for (let attempt = 0; attempt < 50 && children.length === 0; attempt++) {
      children = await sqlProcesses()
      if (children.length === 0) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(children).toHaveLength(1)

    const exited = new Promise<number | null>((resolve) => served.process.on('close', resolve))
    const stopping = performance.now()
    served.process.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(performance.now() - stopping).toBeLessThan(3_000)
    expect(await endless).toBeInstanceOf(Error)
    // the SQL process went with it
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(() => process.kill(Number(children[0]), 0)).toThrow()
  }, 30_000)
})

describe('the served emulator refuses what it cannot take, with 4xx, never 500', () => {
  const dir = tempDir()
  let server: EmulatorServer
  beforeAll(async () => {
    server = await startEmulatorServer({ dbPath: join(dir.path, 'server.db'), port: 0, speed: Number.POSITIVE_INFINITY, maxBodyBytes: 1024 })
  })
  afterAll(async () => {
    await server.close()
    dir.remove()
  })

  /** Sends raw bytes and answers the status code and headers of the response (the socket may be closed after). */
  function raw(head: string, body: string[] = []): Promise<{ status: number; head: string }> {
    const { port } = new URL(server.url)
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1')
      let received = ''
      socket.on('data', (chunk) => {
        received += chunk
        const end = received.indexOf('\r\n\r\n')
        if (end < 0) return
        resolve({ status: Number(received.split(' ')[1]), head: received.slice(0, end).toLowerCase() })
        socket.destroy()
      })
      socket.on('error', (error) => (received ? undefined : reject(error)))
      socket.write(head)
      for (const chunk of body) socket.write(chunk)
    })
  }
  const auth = `Authorization: Bearer ${SEED.token}\r\n`

  it('a body past the limit is 413 from its content-length, before it is sent', async () => {
    const answer = await raw(`POST /v1/orchestration/runs HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n`)
    expect(answer.status).toBe(413)
    expect(answer.head).toContain('connection: close')
  })

  it('a chunked body is counted while it streams: 413 once past the limit', async () => {
    const chunk = `${(400).toString(16)}\r\n${'x'.repeat(400)}\r\n`
    const answer = await raw(`POST /v1/orchestration/runs HTTP/1.1\r\nHost: localhost\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`, [chunk, chunk, chunk, chunk])
    expect(answer.status).toBe(413)
  })

  it('without a token, a large body is 401 and is not read', async () => {
    const answer = await raw('POST /v1/orchestration/runs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n')
    expect(answer.status).toBe(401)
  })

  it('a body within the limit is served', async () => {
    const response = await fetch(`${server.url}/v1/orchestration/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SEED.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workflowUuid: SEED.tool.workflowUuid, data: { domain: 'small.com' } }),
    })
    expect(response.status).toBe(200)
  })

  it.each([
    ['no closing boundary', 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'],
    ['no boundary at all', 'multipart/form-data', 'garbage'],
  ])('malformed multipart (%s) is 400', async (_name, type, body) => {
    const response = await fetch(`${server.url}/v1/workspaceManagement/files/upload`, { method: 'POST', headers: { authorization: `Bearer ${SEED.token}`, 'content-type': type }, body })
    expect(response.status).toBe(400)
    expect((await response.json()).errorMessage).toMatch(/^Malformed multipart body: /)
  })

  it.each([['a space', 'bad host'], ['a path', 'evil.example/x'], ['credentials', 'user@evil.example'], ['an empty value', '']])('a Host header with %s is 400', async (_name, host) => {
    const answer = await raw(`GET /v1/orchestration/tools/list HTTP/1.1\r\nHost: ${host}\r\n${auth}\r\n`)
    expect(answer.status).toBe(400)
  })

  it("URLs handed out name the server's address, whatever the Host header or the request target says", async () => {
    const { port } = new URL(server.url)
    const body = JSON.stringify({ workflowUuid: SEED.tool.workflowUuid })
    for (const target of ['/v1/orchestration/runs/download', 'http://evil.example/v1/orchestration/runs/download']) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1')
        let received = ''
        socket.on('data', (chunk) => (received += chunk))
        socket.on('end', () => resolve(received))
        socket.on('error', reject)
        socket.write(`POST ${target} HTTP/1.1\r\nHost: evil.example:666\r\n${auth}Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`)
      })
      const url = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).url as string
      expect(url.startsWith(`${server.url}/__emulator/files/`)).toBe(true)
    }
  })

  it('the fault controls require the emulator token, and invalid fault JSON is 400', async () => {
    const faults = `${server.url}/__emulator/faults`
    expect((await fetch(faults)).status).toBe(401)
    expect((await fetch(faults, { method: 'POST', body: '[]' })).status).toBe(401)
    expect((await fetch(faults, { method: 'DELETE', headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    const headers = { authorization: `Bearer ${SEED.token}` }
    const invalid = await fetch(faults, { method: 'POST', headers, body: '[{"path": ' })
    expect(invalid.status).toBe(400)
    expect((await invalid.json()).errorMessage).toMatch(/^Faults must be a JSON array: /)
    const wrongShape = await fetch(faults, { method: 'POST', headers, body: '{"path": "/v1/x"}' })
    expect(wrongShape.status).toBe(400)
    const set = await fetch(faults, { method: 'POST', headers, body: JSON.stringify([{ path: '/v1/nowhere', status: 503 }]) })
    expect([set.status, (await set.json()).faults.length]).toEqual([200, 1])
    expect((await fetch(faults, { method: 'DELETE', headers })).status).toBe(200)
    // signed URLs stay usable without a token, as presigned URLs are
    expect((await fetch(`${server.url}/__emulator/files/unknown`)).status).toBe(404)
  })
})

describe('50 concurrent --wait-until-finished creates all end in success', () => {
  it("a script's budget counts CPU work: a script that waits for the CPU (process stopped) still finishes", async () => {
    const scope = new ExpressionScope({ nodes: {} })
    // calibrate a loop to about a fifth of the CPU budget
    const probe = 2_000_000
    const startedProbe = performance.now()
    scope.evaluateBody(`let s = 0; for (let i = 0; i < ${probe}; i++) s += i; return s`)
    const perMs = probe / Math.max(1, performance.now() - startedProbe)
    const iterations = Math.round((perMs * SCRIPT_CPU_BUDGET_MS) / 5)
    // the machine is "busy": this process gets no CPU for 4 budgets, while the script runs
    const stopper = spawn('sh', ['-c', `sleep 0.02; kill -STOP ${process.pid}; sleep ${(4 * SCRIPT_CPU_BUDGET_MS) / 1000}; kill -CONT ${process.pid}`], { stdio: 'ignore' })
    const stopped = new Promise((resolve) => stopper.on('close', resolve))
    const started = performance.now()
    const value = scope.evaluateBody(`let s = 0; for (let r = 0; r < 20; r++) for (let i = 0; i < ${Math.round(iterations / 20)}; i++) s += 1; return s`)
    await stopped
    expect(performance.now() - started).toBeGreaterThan(2 * SCRIPT_CPU_BUDGET_MS)
    expect(value).toBe(20 * Math.round(iterations / 20))
  })

  it('a script that computes past its CPU budget is stopped, with the reason', () => {
    const scope = new ExpressionScope({ nodes: {} })
    expect(() => scope.evaluateBody('while (true) {}')).toThrow(`script: Script used more than ${SCRIPT_CPU_BUDGET_MS} ms of CPU and was stopped`)
  })

  // 20 here, against the separate server process; faults.e2e.test.ts runs 50 at once against the in-process one
  it('20 CLI processes create a run each and wait for it, against `emulator start`: all succeed', async () => {
    const served = await startEmulatorProcess(e2eTempDir(), { CARGO_AI_EMULATOR_SPEED: '3' })
    try {
      const env = cleanEnv({ CARGO_AI_CONFIG_DIR: e2eTempDir(), CARGO_AI_BASE_URL: served.baseUrl, CARGO_AI_TOKEN: served.token })
      const args = (index: number) => ['orchestration', 'run', 'create', '--workflow-uuid', SEED.tool.workflowUuid, '--data', JSON.stringify({ domain: `load${index}.com` }), '--wait-until-finished', '--polling-interval', '500', '--query', 'run.{status: status, error: errorMessage}']
      const results = await Promise.all(Array.from({ length: 20 }, (_, index) => cli(args(index), env)))
      expect(results.map((result) => [result.code, result.stdout && result.json()])).toEqual(Array.from({ length: 20 }, () => [0, { status: 'success', error: null }]))
    } finally {
      await served.stop()
    }
  }, 60_000)
})
