import * as api from '../../api/endpoints/orchestration.js'
import type Database from 'better-sqlite3'
import { on } from '../context.js'
import { ApiFailure } from '../http.js'

/**
 * `orchestration query execute`: SQL over views named like the API's ClickHouse tables, with snake_case
 * columns. The views are TEMP (per connection) and read the calling workspace from a SQL function set
 * for the duration of the query, so one workspace never sees another's rows.
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

const inWorkspace = (kind: string) => `entities.kind = '${kind}' AND entities.workspace_uuid = emulator_workspace()`

const views = {
  runs: `SELECT ${columns('data', runFields)},
  json_extract(data, '$.executions[0].startedAt') AS execution_started_at,
  json_array_length(data, '$.executions') AS executions_count
  FROM main.entities WHERE ${inWorkspace('run')}`,
  batches: `SELECT ${columns('data', batchFields)}, json_extract(data, '$.data.kind') AS data_kind
  FROM main.entities WHERE ${inWorkspace('batch')}`,
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
  FROM main.entities, json_each(entities.data, '$.executions') AS execution
  WHERE ${inWorkspace('run')}`,
  // a record is the latest run of a record id in a workflow
  records: `SELECT workspace_uuid, workflow_uuid, user_uuid, record_id AS id, record_title AS title, uuid AS run_uuid, trace_uuid,
  release_uuid, batch_uuid, status, error_message, created_at, updated_at, finished_at
  FROM (SELECT *, row_number() OVER (PARTITION BY workflow_uuid, record_id ORDER BY created_at DESC, uuid DESC) AS position FROM temp.runs)
  WHERE position = 1`,
}

const prepared = new WeakSet<Database.Database>()
let currentWorkspace = ''

function prepare(db: Database.Database): void {
  if (!prepared.has(db)) {
    db.function('emulator_workspace', { deterministic: false }, () => currentWorkspace)
    prepared.add(db)
  }
  // Every time: the views are created inside the request's transaction, which a refused query rolls back.
  for (const [name, sql] of Object.entries(views)) db.exec(`CREATE TEMP VIEW IF NOT EXISTS ${name} AS ${sql}`)
}

/** ClickHouse spells `count(*)` as `count()`. */
function toSqlite(query: string): string {
  return query.replace(/\bcount\(\s*\)/gi, 'count(*)')
}

function refuse(message: string): ApiFailure {
  return new ApiFailure(400, { errorMessage: message })
}

export function runQuery(db: Database.Database, workspaceUuid: string, query: string): Record<string, unknown>[] {
  prepare(db)
  let statement: Database.Statement
  try {
    statement = db.prepare(toSqlite(query))
  } catch (error) {
    throw refuse(`SQL error: ${(error as Error).message}`)
  }
  if (!statement.reader || !statement.readonly) throw refuse('Only read-only queries (SELECT) are allowed')
  currentWorkspace = workspaceUuid
  try {
    return statement.all() as Record<string, unknown>[]
  } catch (error) {
    throw refuse(`SQL error: ${(error as Error).message}`)
  } finally {
    currentWorkspace = ''
  }
}

export const queryHandlers = [on(api.executeQuery, (ctx, { query }) => ({ rows: runQuery(ctx.store.db, ctx.workspaceUuid, query) }))]
