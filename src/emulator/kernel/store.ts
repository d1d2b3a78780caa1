import { createHash, randomUUID } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'

/**
 * The emulator's state: one SQLite file holding every entity as a JSON document. Several CLI processes
 * may open the same file at once, so nothing is cached in memory and every request runs in one
 * IMMEDIATE transaction (a deferred one could fail when upgrading from read to write under WAL).
 */
export interface StoredDoc {
  uuid: string
  [key: string]: unknown
}

/** The kind of a stored document (run, batch, agent, model, …); one table holds every kind. */
export type Kind = string

const schema = `
CREATE TABLE IF NOT EXISTS entities (
  kind TEXT NOT NULL,
  uuid TEXT NOT NULL,
  workspace_uuid TEXT,
  data TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, uuid)
);
CREATE INDEX IF NOT EXISTS entities_by_workspace ON entities (kind, workspace_uuid, created_at);
CREATE INDEX IF NOT EXISTS entities_by_status ON entities (kind, json_extract(data, '$.status'));
CREATE INDEX IF NOT EXISTS entities_by_workflow ON entities (kind, json_extract(data, '$.workflowUuid'));
CREATE INDEX IF NOT EXISTS entities_by_batch ON entities (kind, json_extract(data, '$.batchUuid'));
-- live documents, newest first: the list and count endpoints page and count on it alone
CREATE INDEX IF NOT EXISTS entities_live ON entities (kind, workspace_uuid, created_at) WHERE json_extract(data, '$.deletedAt') IS NULL;
CREATE INDEX IF NOT EXISTS entities_live_by_status ON entities (kind, workspace_uuid, json_extract(data, '$.status'), created_at)
  WHERE json_extract(data, '$.deletedAt') IS NULL;
CREATE INDEX IF NOT EXISTS entities_by_settle_time ON entities (kind, workspace_uuid, json_extract(data, '$._settleAt'))
  WHERE json_extract(data, '$._settleAt') IS NOT NULL;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`

/** Equality conditions on top-level fields of the documents. */
export type Where = Record<string, string | number | boolean | null | readonly string[]>

/** Bounds on the creation time (ISO strings as `toISOString` writes them): at or after, strictly before. */
export interface CreatedRange {
  after?: string
  before?: string
}

/** The SQL condition for documents of a kind, in a workspace (all when undefined), matching `where`. */
function conditions(kind: Kind, workspaceUuid: string | undefined, where: Where, created: CreatedRange = {}): { sql: string; params: unknown[] } {
  const clauses = ['kind = ?']
  const params: unknown[] = [kind]
  for (const [bound, operator] of [[created.after, '>='], [created.before, '<']] as const) {
    if (bound === undefined) continue
    clauses.push(`created_at ${operator} ?`)
    params.push(bound)
  }
  if (workspaceUuid !== undefined) {
    clauses.push('workspace_uuid = ?')
    params.push(workspaceUuid)
  }
  for (const [field, value] of Object.entries(where)) {
    const column = `json_extract(data, '$.${field.replace(/[^\w.]/g, '')}')`
    if (Array.isArray(value)) {
      clauses.push(`${column} IN (${value.map(() => '?').join(', ') || 'NULL'})`)
      params.push(...value)
    } else if (value === null) {
      clauses.push(`${column} IS NULL`)
    } else {
      clauses.push(`${column} = ?`)
      params.push(typeof value === 'boolean' ? Number(value) : value)
    }
  }
  return { sql: clauses.join(' AND '), params }
}

/**
 * Bytes kept beside the database (exports, uploaded files and parts): files in `<database>-files/`, so
 * that large contents neither grow the SQLite file nor pass through it; a map for an in-memory store.
 * Not transactional: a request that fails after writing leaves an unreferenced file, which is harmless.
 */
export interface Blobs {
  put(key: string, bytes: Buffer | string): void
  /** the first `length` bytes, or all of them; undefined when nothing is kept under the key */
  get(key: string, length?: number): Buffer | undefined
  remove(key: string): void
  clear(): void
}

function memoryBlobs(): Blobs {
  const kept = new Map<string, Buffer>()
  return {
    put: (key, bytes) => void kept.set(key, Buffer.from(bytes)),
    get: (key, length) => kept.get(key)?.subarray(0, length),
    remove: (key) => void kept.delete(key),
    clear: () => kept.clear(),
  }
}

function directoryBlobs(dir: string): Blobs {
  // keys may hold any character: the file is named by their hash
  const pathOf = (key: string) => join(dir, createHash('sha256').update(key).digest('hex'))
  const missing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT'
  return {
    put(key, bytes) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      // written aside then renamed: another process reading it sees the old bytes or the new, never half
      const partial = join(dir, `.${randomUUID()}`)
      writeFileSync(partial, bytes, { mode: 0o600 })
      renameSync(partial, pathOf(key))
    },
    get(key, length) {
      try {
        if (length === undefined || length < 0) return readFileSync(pathOf(key))
        const fd = openSync(pathOf(key), 'r')
        try {
          const buffer = Buffer.alloc(length)
          return buffer.subarray(0, readSync(fd, buffer, 0, length, 0))
        } finally {
          closeSync(fd)
        }
      } catch (error) {
        if (missing(error)) return undefined
        throw error
      }
    },
    remove: (key) => rmSync(pathOf(key), { force: true }),
    clear: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export class Store {
  readonly db: Database.Database
  readonly blobs: Blobs
  /** prepared once per SQL text: preparing cost more than running a single-row statement */
  private readonly statements = new Map<string, Database.Statement>()

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    this.db = new Database(path)
    this.blobs = path === ':memory:' ? memoryBlobs() : directoryBlobs(`${path}-files`)
    this.db.pragma('busy_timeout = 10000')
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.transaction(() => this.db.exec(schema))
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  get<T extends StoredDoc>(kind: Kind, uuid: string): T | undefined {
    const row = this.statement('SELECT data FROM entities WHERE kind = ? AND uuid = ?').get(kind, uuid) as { data: string } | undefined
    return row ? (JSON.parse(row.data) as T) : undefined
  }

  /** Documents of a kind, oldest first; `workspaceUuid` undefined means every workspace. */
  find<T extends StoredDoc>(kind: Kind, workspaceUuid?: string, where: Where = {}, created?: CreatedRange): T[] {
    const { sql, params } = conditions(kind, workspaceUuid, where, created)
    return this.parsed<T>(`SELECT data FROM entities WHERE ${sql} ORDER BY created_at, rowid`, params)
  }

  /** One page of the live documents of a kind, newest first (the order of the list endpoints). */
  newestPage<T extends StoredDoc>(kind: Kind, workspaceUuid: string, where: Where, page: { limit: number; offset: number }, created?: CreatedRange): T[] {
    const { sql, params } = conditions(kind, workspaceUuid, { ...where, deletedAt: null }, created)
    return this.parsed<T>(`SELECT data FROM entities WHERE ${sql} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`, [...params, page.limit, page.offset])
  }

  /** How many live documents of a kind match, counted without reading them. */
  countLive(kind: Kind, workspaceUuid: string, where: Where, created?: CreatedRange): number {
    const { sql, params } = conditions(kind, workspaceUuid, { ...where, deletedAt: null }, created)
    return (this.statement(`SELECT count(*) AS count FROM entities WHERE ${sql}`).get(...params) as { count: number }).count
  }

  /** The prepared statement of `sql`, kept for the next call. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      // IN lists of every length make new texts: keep the cache bounded
      if (this.statements.size > 200) this.statements.clear()
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  private parsed<T>(sql: string, params: readonly unknown[]): T[] {
    return (this.statement(sql).all(...params) as Array<{ data: string }>).map((row) => JSON.parse(row.data) as T)
  }

  /** Documents of a kind whose `_settleAt` has come (indexed: a large finished batch costs nothing here). */
  due<T extends StoredDoc>(kind: Kind, workspaceUuid: string, now: number): T[] {
    const sql = `SELECT data FROM entities WHERE kind = ? AND workspace_uuid = ? AND json_extract(data, '$._settleAt') <= ? ORDER BY created_at, rowid`
    return (this.statement(sql).all(kind, workspaceUuid, now) as Array<{ data: string }>).map((row) => JSON.parse(row.data) as T)
  }

  findOne<T extends StoredDoc>(kind: Kind, workspaceUuid: string | undefined, where: Where): T | undefined {
    return this.find<T>(kind, workspaceUuid, where)[0]
  }

  /** Inserts or replaces; the row keeps its position (rowid) when replaced. */
  put(kind: Kind, doc: StoredDoc, workspaceUuid: string | null, createdAt?: string): void {
    const created = createdAt ?? (typeof doc.createdAt === 'string' ? doc.createdAt : new Date(0).toISOString())
    this
      .statement(
        `INSERT INTO entities (kind, uuid, workspace_uuid, data, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, uuid) DO UPDATE SET data = excluded.data, workspace_uuid = excluded.workspace_uuid`,
      )
      .run(kind, doc.uuid, workspaceUuid, JSON.stringify(doc), created)
  }

  remove(kind: Kind, uuid: string): void {
    this.statement('DELETE FROM entities WHERE kind = ? AND uuid = ?').run(kind, uuid)
  }

  getMeta(key: string): string | undefined {
    return (this.statement('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value
  }

  setMeta(key: string, value: string): void {
    this.statement('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  clear(): void {
    // every table, including the side tables of handlers (uploaded bytes)
    const tables = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>
    for (const { name } of tables) this.db.exec(`DELETE FROM "${name}"`)
    this.blobs.clear()
  }

  close(): void {
    this.db.close()
  }
}
