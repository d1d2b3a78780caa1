import * as api from '../../../api/endpoints/orchestration.js'
import type Database from 'better-sqlite3'
import { UnsupportedSql, clickhouseToSqlite } from '../../clickhouse-functions.js'
import { type Ctx, later, on } from '../../kernel/context.js'
import { ApiFailure } from '../../kernel/http.js'
import { type Row, type SandboxTable, type SandboxView, type SqlValue, checkStatement } from '../../sql-sandbox.js'

/**
 * `orchestration query execute`: SQL over tables named like the API's ClickHouse tables, with snake_case
 * columns. The caller's workspace's rows are copied out of the store (inside the request's transaction,
 * so they are consistent) into the SQL sandbox, where the query runs on them alone (see sql-sandbox.ts).
 */

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)

function columns(source: string, fields: readonly string[]): string {
  return fields.map((field) => `json_extract(${source}, '$.${field}') AS ${snake(field)}`).join(',\n  ')
}

const runFields = [
  'uuid', 'workspaceUuid', 'workflowUuid', 'userUuid', 'releaseUuid', 'batchUuid', 'traceUuid', 'recordId', 'recordTitle',
  'parentUuid', 'parentNodeUuid', 'parentBatchUuid', 'status', 'errorMessage', 'createdAt', 'updatedAt', 'finishedAt',
] as const
const batchFields = [
  'uuid', 'workspaceUuid', 'workflowUuid', 'userUuid', 'releaseUuid', 'status', 'runsStatus', 'errorMessage', 'runsCount',
  'executedRunsCount', 'failedRunsCount', 'creditsUsedCount', 'createdAt', 'updatedAt', 'finishedAt',
] as const
const executionFields = [
  'nodeUuid', 'nodeSlug', 'nodeKind', 'nodeActionSlug', 'nodeIntegrationSlug', 'nodeConnectorUuid', 'nodeToolUuid', 'nodeAgentUuid',
  'nodeChildIndex', 'nextNodeUuid',
] as const

const inWorkspace = (kind: string) => `entities.kind = '${kind}' AND entities.workspace_uuid = @workspace`

/** What each exposed table holds, read from the store for one workspace. */
const snapshots = {
  runs: `SELECT ${columns('data', runFields)},
  json_extract(data, '$.executions[0].startedAt') AS execution_started_at,
  json_array_length(data, '$.executions') AS executions_count
  FROM entities WHERE ${inWorkspace('run')} ORDER BY created_at, rowid`,
  batches: `SELECT ${columns('data', batchFields)}, json_extract(data, '$.data.kind') AS data_kind
  FROM entities WHERE ${inWorkspace('batch')} ORDER BY created_at, rowid`,
  spans: `SELECT ${columns('entities.data', ['workspaceUuid', 'workflowUuid', 'userUuid', 'traceUuid', 'recordId', 'recordTitle'])},
  json_extract(entities.data, '$.uuid') AS run_uuid,
  coalesce(json_extract(entities.data, '$.batchUuid'), '') AS batch_uuid,
  ${columns('execution.value', executionFields)},
  CAST(execution.key AS INTEGER) AS execution_index,
  json_extract(execution.value, '$.status') AS execution_status,
  json_extract(execution.value, '$.errorMessage') AS execution_error_message,
  json_extract(execution.value, '$.title') AS execution_title,
  json_extract(execution.value, '$.creditsUsedCount') AS execution_credits_used_count,
  json_extract(execution.value, '$.startedAt') AS execution_started_at,
  json_extract(execution.value, '$.finishedAt') AS execution_finished_at
  FROM entities, json_each(entities.data, '$.executions') AS execution
  WHERE ${inWorkspace('run')} ORDER BY entities.created_at, entities.rowid, execution.key`,
} as const

/** A record is the latest run of a record id in a workflow: a view over the sandbox's runs. */
const recordsView: SandboxView = {
  name: 'records',
  sql: `SELECT workspace_uuid, workflow_uuid, user_uuid, record_id AS id, record_title AS title, uuid AS run_uuid, trace_uuid,
  release_uuid, batch_uuid, status, error_message, created_at, updated_at, finished_at
  FROM (SELECT *, row_number() OVER (PARTITION BY workflow_uuid, record_id ORDER BY created_at DESC, uuid DESC) AS position FROM runs)
  WHERE position = 1`,
}

/** What SQLite can hold: booleans become 0/1, objects and arrays JSON text. */
export function sqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null
  if (typeof value === 'boolean') return Number(value)
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint' || Buffer.isBuffer(value)) return value
  return JSON.stringify(value)
}

/** The rows a SELECT on the store answers, as a sandbox table. */
export function snapshotTable(db: Database.Database, name: string, sql: string, params: Record<string, unknown>): SandboxTable {
  const statement = db.prepare(sql)
  const rows = statement.raw().all(params) as unknown[][]
  return { name, columns: statement.columns().map((column) => column.name), rows: rows.map((row) => row.map(sqlValue)) }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether the query may read the table: only those are copied (a false positive only costs time). */
export function mentions(sql: string, name: string): boolean {
  return new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'i').test(sql)
}


/**
 * Runs the query in the sandbox over the caller's workspace's orchestration tables that it names, plus
 * `extra` tables (models). The snapshot is taken now; the promise settles after the request's transaction.
 */
export function queryWorkspace(ctx: Ctx, query: string, extra: readonly SandboxTable[] = []): Promise<Row[]> {
  try {
    const sql = clickhouseToSqlite(query)
    checkStatement(sql)
    const tables: SandboxTable[] = [...extra]
    const views: SandboxView[] = []
    const needsRuns = mentions(sql, 'runs') || mentions(sql, recordsView.name)
    for (const [name, snapshot] of Object.entries(snapshots)) {
      if (name === 'runs' ? needsRuns : mentions(sql, name)) tables.push(snapshotTable(ctx.store.db, name, snapshot, { workspace: ctx.workspaceUuid }))
    }
    if (mentions(sql, recordsView.name)) views.push(recordsView)
    return ctx.sql.run({ sql, tables, views, now: ctx.now })
  } catch (error) {
    if (error instanceof UnsupportedSql) return Promise.reject(new ApiFailure(400, { errorMessage: error.message, reason: error.reason }))
    return Promise.reject(error)
  }
}

export const queryHandlers = [on(api.executeQuery, (ctx, { query }) => later(queryWorkspace(ctx, query).then((rows) => ({ rows }))))]
