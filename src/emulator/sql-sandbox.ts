import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { explainSqlError, installClickHouseFunctions } from './clickhouse-functions.js'
import { ApiFailure } from './kernel/http.js'

/**
 * Where users' SQL runs (`orchestration query`, `storage query`, the system-of-record warehouse).
 *
 * Isolation is by construction: the query runs in a child process, on an in-memory database that
 * holds nothing but the tables handed to it (the caller's workspace's runs, batches, spans, records,
 * models). The emulator's own file, its `entities`/`meta` tables, tokens, uploaded bytes and other
 * workspaces are not in that database, so no SQL can reach them. A child process, not a worker thread,
 * because SQLite busy in native code cannot be stopped from JS (a terminated worker keeps running and
 * keeps the process from exiting): a process can always be killed when the time budget runs out.
 */

export type SqlValue = null | number | string | bigint | Buffer

export interface SandboxTable {
  name: string
  columns: readonly string[]
  rows: readonly SqlValue[][]
}

/** A view over the sandbox's own tables (e.g. records, the latest run of each record). */
export interface SandboxView {
  name: string
  sql: string
}

export interface SandboxJob {
  sql: string
  tables: readonly SandboxTable[]
  views: readonly SandboxView[]
  /** the emulator's clock (ms) for now() and today(); the real time when left out */
  now?: number
}

export type Row = Record<string, unknown>

export const QUERY_TIMEOUT_ENV = 'CARGO_AI_EMULATOR_QUERY_TIMEOUT'
export const DEFAULT_QUERY_TIMEOUT_MS = 5_000
/** more rows than this is an error rather than an answer the emulator holds in memory */
export const MAX_QUERY_ROWS = 100_000
/** a child that does not come up in this time (a machine under heavy load) fails the query */
const START_TIMEOUT_MS = 30_000

function refuse(message: string, reason?: string): ApiFailure {
  return new ApiFailure(400, { errorMessage: message, ...(reason ? { reason } : {}) })
}

/**
 * Statement checks made before anything runs. They are a second line behind the construction above
 * (an introspection pragma in the sandbox would only describe the exposed tables), so that the answer
 * says plainly what is not offered instead of showing sandbox internals.
 */
export function checkStatement(sql: string): void {
  // string literals and comments cannot name a table or a function
  const code = sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
  const first = /^[\s(]*([a-z]+)/i.exec(code)?.[1]?.toLowerCase()
  if (first !== 'select' && first !== 'with' && first !== 'values') {
    throw refuse('Only read-only queries (SELECT) are allowed')
  }
  const internal = /\b(pragma_\w+|sqlite_\w+|load_extension)\b/i.exec(code)?.[1]
  if (internal) throw refuse(`SQL error: ${internal} is not available; query the runs, batches, spans, records and model tables`)
}

/** The child's program: CommonJS, given as source so that it runs the same from dist/ and from the sources. */
const CHILD_PROGRAM = `'use strict'
const Database = require(process.env.CARGO_AI_SQLITE_MODULE)
const maxRows = Number(process.env.CARGO_AI_SANDBOX_MAX_ROWS)
const quote = (name) => '"' + String(name).replaceAll('"', '""') + '"'
const installClickHouseFunctions = ${installClickHouseFunctions.toString()}
function answer(job) {
  const db = new Database(':memory:')
  try {
    for (const table of job.tables) {
      db.exec('CREATE TABLE ' + quote(table.name) + ' (' + table.columns.map(quote).join(', ') + ')')
      const insert = db.prepare('INSERT INTO ' + quote(table.name) + ' VALUES (' + table.columns.map(() => '?').join(', ') + ')')
      db.transaction(() => { for (const row of table.rows) insert.run(...row) })()
    }
    installClickHouseFunctions(db, job.now ?? Date.now())
    for (const view of job.views) db.exec('CREATE VIEW ' + quote(view.name) + ' AS ' + view.sql)
    db.pragma('query_only = ON')
    let statement
    try { statement = db.prepare(job.sql) } catch (error) { return { error: 'SQL error: ' + error.message } }
    if (!statement.reader || !statement.readonly) return { error: 'Only read-only queries (SELECT) are allowed' }
    const rows = []
    for (const row of statement.iterate()) {
      if (rows.length === maxRows) return { error: 'The query returns more than ' + maxRows + ' rows: add a LIMIT' }
      rows.push(row)
    }
    return { rows }
  } catch (error) {
    return { error: 'SQL error: ' + error.message }
  } finally {
    db.close()
  }
}
process.on('disconnect', () => process.exit(0))
process.on('message', (job) => process.send(Object.assign({ id: job.id }, answer(job))))
process.send({ ready: true })
`

interface Reply {
  id?: number
  ready?: boolean
  rows?: Row[]
  error?: string
}

/** One child: it answers one job at a time, and is killed when a job outlives the budget. */
class SandboxProcess {
  private readonly child: ChildProcess
  private readonly ready: Promise<void>
  private current?: { resolve: (rows: Row[]) => void; reject: (error: Error) => void }
  exited = false
  /** killed or gone: never handed another job */
  spent = false

  constructor(
    sqliteModule: string,
    private readonly onExit: (process: SandboxProcess) => void,
  ) {
    this.child = spawn(process.execPath, ['--max-old-space-size=512', '-e', CHILD_PROGRAM], {
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
      env: { PATH: process.env.PATH ?? '', CARGO_AI_SQLITE_MODULE: sqliteModule, CARGO_AI_SANDBOX_MAX_ROWS: String(MAX_QUERY_ROWS) },
    })
    this.ready = new Promise<void>((resolve, reject) => {
      this.child.once('message', (reply: Reply) => (reply.ready ? resolve() : reject(new Error('unexpected first message'))))
      this.child.once('exit', () => reject(new Error('the SQL process ended before it was ready')))
    })
    this.ready.catch(() => undefined)
    this.child.on('message', (reply: Reply) => {
      if (reply.ready) return
      const current = this.current
      this.current = undefined
      this.idle()
      if (!current) return
      if (reply.error !== undefined) {
        const { errorMessage, reason } = explainSqlError(reply.error)
        current.reject(refuse(errorMessage, reason))
      }
      else current.resolve(reply.rows ?? [])
    })
    this.child.on('exit', (code, signal) => {
      this.exited = true
      this.spent = true
      this.current?.reject(refuse(`The query failed: its SQL process ended (${signal ?? `exit ${code}`})`))
      this.current = undefined
      this.onExit(this)
    })
    this.child.on('error', () => undefined)
  }

  /** An idle child must not keep the embedded CLI's process alive. */
  private idle(): void {
    this.child.unref()
    this.child.channel?.unref()
  }

  private busy(): void {
    this.child.ref()
    this.child.channel?.ref()
  }

  async run(job: SandboxJob & { id: number }, timeoutMs: number): Promise<Row[]> {
    this.busy()
    let startTimer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        this.ready,
        new Promise<never>((_, reject) => {
          startTimer = setTimeout(() => reject(refuse('The query failed: its SQL process did not start in time')), START_TIMEOUT_MS)
        }),
      ])
    } catch (error) {
      this.kill()
      throw error
    } finally {
      clearTimeout(startTimer)
    }
    return new Promise<Row[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.current = undefined
        this.kill()
        reject(refuse(`The query ran longer than ${formatMs(timeoutMs)} and was stopped (limit: ${QUERY_TIMEOUT_ENV})`, 'queryTimeout'))
      }, timeoutMs)
      this.current = {
        resolve: (rows) => (clearTimeout(timer), resolve(rows)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      }
      this.child.send(job)
    })
  }

  kill(): void {
    this.spent = true
    if (!this.exited) this.child.kill('SIGKILL')
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}

/** A small pool of children: one per query in flight, one kept warm for the next query. */
export class SqlSandbox {
  private readonly idle: SandboxProcess[] = []
  private readonly all = new Set<SandboxProcess>()
  private nextId = 1
  private closed = false
  private readonly sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3')

  constructor(readonly timeoutMs: number = DEFAULT_QUERY_TIMEOUT_MS) {}

  async run(job: SandboxJob): Promise<Row[]> {
    if (this.closed) throw refuse('The emulator is shutting down')
    const child = this.idle.pop() ?? this.spawn()
    try {
      return await child.run({ ...job, id: this.nextId++ }, this.timeoutMs)
    } finally {
      if (!child.spent && !this.closed && this.idle.length === 0) this.idle.push(child)
      else child.kill()
    }
  }

  private spawn(): SandboxProcess {
    const child = new SandboxProcess(this.sqliteModule, (gone) => {
      this.all.delete(gone)
      const index = this.idle.indexOf(gone)
      if (index >= 0) this.idle.splice(index, 1)
    })
    this.all.add(child)
    return child
  }

  close(): void {
    this.closed = true
    for (const child of this.all) child.kill()
    this.idle.length = 0
  }
}

const durationUnits = { ms: 1, s: 1000, m: 60_000 } as const

/** `CARGO_AI_EMULATOR_QUERY_TIMEOUT`: `5s`, `500ms`, `1m`; a bare number is seconds. */
export function queryTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[QUERY_TIMEOUT_ENV]?.trim()
  if (!raw) return DEFAULT_QUERY_TIMEOUT_MS
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m)?$/.exec(raw)
  const ms = match ? Math.round(Number(match[1]) * durationUnits[(match[2] ?? 's') as keyof typeof durationUnits]) : Number.NaN
  if (!(ms > 0) || ms > 2_147_483_647) throw new Error(`${QUERY_TIMEOUT_ENV} must be a duration such as 5s or 500ms, got "${raw}"`)
  return ms
}
