import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/system-of-record.js'
import { type Ctx, type Handler, later, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { type FileDoc, type ModelDoc } from '../orchestration/documents.js'
import { publicView, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { ApiFailure, badRequest, notFound } from '../../kernel/http.js'
import { sorClients } from './seed.js'
import type { StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import { FILES_PATH, toCsv } from '../orchestration/downloads.js'
import type { SandboxTable } from '../../sql-sandbox.js'
import { mentions, queryWorkspace, snapshotTable } from '../orchestration/query.js'
import type { Progress, SorDoc, LogDoc } from './documents.js'

/**
 * Systems of record and their warehouse. Migrations and cutovers progress on simulated time, computed
 * when read (`settled`). The warehouse is the SQL sandbox: the orchestration tables of
 * `orchestration query` (runs, batches, spans, records) plus one table per data model, named as the
 * docs name them (`datasets_default.models_companies`). Every query is logged, which feeds the metrics.
 */

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000

// ---------------------------------------------------------------------------------------------
// Systems of record

/** The document as it stands at `ctx.now`: finished migrations and cutovers, and who is active after a cutover. */
function settled(ctx: Ctx, doc: SorDoc): SorDoc {
  let { lastMigration, cutover, isActive } = doc
  const endsAt = (end: number | undefined) => end ?? 0
  if (lastMigration?.status === 'running' && ctx.now >= endsAt(doc._migrationEndsAt)) {
    lastMigration = { ...lastMigration, status: 'success', finishedAt: iso(endsAt(doc._migrationEndsAt)) }
  }
  if (cutover?.status === 'running') {
    const start = Date.parse(cutover.createdAt)
    const end = endsAt(doc._cutoverEndsAt)
    if (ctx.now >= end) {
      cutover = { ...cutover, status: 'success', tablesMigrated: cutover.tablesTotal, finishedAt: iso(end) }
      isActive = cutover.role === 'target'
    } else {
      cutover = { ...cutover, tablesMigrated: Math.floor((cutover.tablesTotal * (ctx.now - start)) / (end - start)) }
    }
  }
  return { ...doc, lastMigration, cutover, isActive }
}

const getSor = (ctx: Ctx, uuid: string) => settled(ctx, mustGet<SorDoc>(ctx, 'systemOfRecord', uuid, 'systemOfRecord'))
const liveSors = (ctx: Ctx) => live<SorDoc>(ctx, 'systemOfRecord').map((doc) => settled(ctx, doc))
const activeSor = (ctx: Ctx) => liveSors(ctx).find((doc) => doc.isActive)

function saveSor(ctx: Ctx, doc: SorDoc): { systemOfRecord: SorDoc } {
  save(ctx, 'systemOfRecord', doc)
  return { systemOfRecord: publicView(doc) }
}

/** A warehouse is one workspace's: the same connection settings elsewhere are refused. */
function checkNotUsedElsewhere(ctx: Ctx, config: JsonObject): void {
  const text = JSON.stringify(config)
  const elsewhere = ctx.store
    .find<SorDoc>('systemOfRecord')
    .some((doc) => doc.workspaceUuid !== ctx.workspaceUuid && doc.deletedAt === null && JSON.stringify(doc.config) === text)
  if (Object.keys(config).length > 0 && elsewhere) throw badRequest('systemOfRecordAlreadyUsedByAnotherWorkspace')
}

function startCutover(ctx: Ctx, target: SorDoc): void {
  const source = activeSor(ctx)
  if (target.isActive) throw badRequest('alreadyActive', 'This system of record is already the active one: cut over to another one')
  if (!source) throw badRequest('noActiveSystemOfRecord', 'No active system of record to move the tables from')
  const tablesTotal = live(ctx, 'model').length
  const endsAt = ctx.now + Math.max(1, tablesTotal) * 2 * ctx.timing.nodeMs
  const common = { uuid: randomUUID(), sourceSystemOfRecordUuid: source.uuid, targetSystemOfRecordUuid: target.uuid, status: 'running' as const }
  const cutover = { ...common, errorMessage: null, tablesTotal, tablesMigrated: 0, finishedAt: null, createdAt: iso(ctx.now) }
  for (const [doc, role] of [[source, 'source'], [target, 'target']] as const) {
    save(ctx, 'systemOfRecord', { ...doc, cutover: { ...cutover, role }, _cutoverEndsAt: endsAt, updatedAt: iso(ctx.now) })
  }
}

const sorHandlers = [
  on(api.listSystemOfRecords, (ctx) => ({ systemOfRecords: liveSors(ctx).map(publicView) })),
  on(api.getSystemOfRecord, (ctx, { uuid }) => ({ systemOfRecord: publicView(getSor(ctx, uuid)) })),
  on(api.createSystemOfRecord, (ctx, { kind, config = {} }) => {
    checkNotUsedElsewhere(ctx, config as JsonObject)
    return saveSor(ctx, {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      kind,
      config: config as JsonObject,
      lastMigration: null,
      cutover: null,
      useCredits: false,
      // a workspace's first warehouse serves at once; later ones wait for a cutover
      isActive: activeSor(ctx) === undefined,
      deletedAt: null,
      ...stamps(ctx),
    })
  }),
  on(api.updateSystemOfRecord, (ctx, { uuid, config }) => {
    checkNotUsedElsewhere(ctx, config as JsonObject)
    return saveSor(ctx, { ...getSor(ctx, uuid), config: config as JsonObject, updatedAt: iso(ctx.now) })
  }),
  on(api.removeSystemOfRecord, (ctx, { uuid }) => saveSor(ctx, { ...getSor(ctx, uuid), isActive: false, deletedAt: iso(ctx.now) })),
  on(api.migrateSystemOfRecord, (ctx, { uuid }) => {
    const doc = getSor(ctx, uuid)
    const lastMigration: Progress = { uuid: randomUUID(), status: 'running', errorMessage: null, createdAt: iso(ctx.now), finishedAt: null }
    save(ctx, 'systemOfRecord', { ...doc, lastMigration, _migrationEndsAt: ctx.now + 4 * ctx.timing.nodeMs, updatedAt: iso(ctx.now) })
  }),
  on(api.cutoverSystemOfRecord, (ctx, { uuid }) => startCutover(ctx, getSor(ctx, uuid))),
]

// ---------------------------------------------------------------------------------------------
// The warehouse

const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`

/**
 * One table per data model of the caller's workspace that the query names, called
 * `datasets_<dataset>.models_<model>` (a single quoted name: SQLite has no dataset level), read afresh
 * for every query since models change.
 */
function modelTables(ctx: Ctx, sql: string): SandboxTable[] {
  const tables: SandboxTable[] = []
  for (const model of live<ModelDoc & { datasetUuid?: string; additionalColumns?: Array<{ slug: string }> }>(ctx, 'model')) {
    const dataset = model.datasetUuid ? lookup<StoredDoc & { slug: string }>(ctx, 'dataset', model.datasetUuid) : undefined
    const name = `datasets_${dataset?.slug ?? 'default'}.models_${model.slug}`
    if (!mentions(sql, name)) continue
    const slugs = new Set(['_id', ...(model.columns ?? []), ...(model.additionalColumns ?? [])].map((column) => (typeof column === 'string' ? column : column.slug)))
    const columns = [...slugs].map((slug) => `json_extract(record.value, ${quoteText(`$."${slug}"`)}) AS ${quoteName(slug)}`)
    const select = `SELECT ${columns.join(', ')} FROM entities, json_each(entities.data, '$._records') AS record
      WHERE entities.kind = 'model' AND entities.uuid = @model ORDER BY record.key`
    tables.push(snapshotTable(ctx.store.db, name, select, { model: model.uuid }))
  }
  return tables
}

/** `datasets_x.models_y` written bare becomes the one quoted name; backtick-quoted names already are. */
const toWarehouseSql = (query: string) => query.replace(/(?<![`"\w.])(datasets_\w+)\.(models_\w+)\b/g, '"$1.$2"')

type Outcome = { rows: JsonObject[] } | { errorMessage: string }

/**
 * Runs the SQL on the active warehouse and logs it (the log feeds `logs/list` and `logs/metrics`). The
 * tables are read now; the query and the log come after the request's transaction.
 */
function warehouseQuery(ctx: Ctx, query: string, { logErrors = true } = {}): Promise<Outcome> {
  const sor = activeSor(ctx)
  if (!sor) return Promise.resolve({ errorMessage: 'No system of record is connected to this workspace' })
  const sql = toWarehouseSql(query)
  const queried: Promise<Outcome> = queryWorkspace(ctx, sql, modelTables(ctx, sql)).then(
    (rows) => ({ rows: rows as JsonObject[] }),
    (error: unknown) => {
      if (!(error instanceof ApiFailure)) throw error
      return { errorMessage: error.body.errorMessage ?? 'The query failed' }
    },
  )
  return queried.then((outcome) => ('rows' in outcome || logErrors ? ctx.store.transaction(() => logQuery(ctx, sor.uuid, query, outcome)) : outcome))
}

function logQuery(ctx: Ctx, systemOfRecordUuid: string, query: string, outcome: Outcome): Outcome {
  const rows = 'rows' in outcome ? outcome.rows : []
  const durationMs = 40 + 2 * rows.length
  const log = {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    systemOfRecordUuid,
    query,
    status: 'rows' in outcome ? 'success' : 'error',
    processedBytesCount: Buffer.byteLength(JSON.stringify(rows)),
    errorMessage: 'errorMessage' in outcome ? outcome.errorMessage : null,
    startedAt: iso(ctx.now - durationMs),
    finishedAt: iso(ctx.now),
    createdAt: iso(ctx.now),
  }
  save(ctx, 'sorLog', log)
  return outcome
}

function page<T>(items: readonly T[], request: { limit?: number; offset?: number }): T[] {
  const offset = request.offset ?? 0
  return items.slice(offset, offset + Math.min(request.limit ?? DEFAULT_LIMIT, MAX_LIMIT))
}

/** The export, served without authentication like a presigned URL (see downloads.ts). */
function publishCsv(ctx: Ctx, rows: JsonObject[]): string {
  const file: FileDoc = { uuid: randomUUID(), contentType: 'text/csv; charset=utf-8', content: toCsv(rows), createdAt: iso(ctx.now) }
  save(ctx, 'file', file)
  return `${ctx.origin}${FILES_PATH}${file.uuid}`
}

function clientSpec(slug: string) {
  const client = sorClients.find((candidate) => candidate.slug === slug)
  if (!client) throw notFound('client')
  return client
}

const clientHandlers = [
  on(api.listClients, () => ({ clients: sorClients.map(({ documentation: _text, ...client }) => client) })),
  on(api.getClientDocumentation, (_ctx, { slug }) => clientSpec(slug).documentation),
  // wire.md §19.1: the documented outcome union, which also satisfies the api package's {rows}
  on(api.querySystemOfRecord, (ctx, { query }) =>
    later(warehouseQuery(ctx, query).then((outcome) => ('rows' in outcome ? { outcome: 'queried', rows: outcome.rows } : { outcome: 'notQueried', ...outcome }))),
  ),
  on(api.fetchSystemOfRecord, (ctx, payload) =>
    later(
      warehouseQuery(ctx, payload.query).then((outcome) =>
        'rows' in outcome ? { outcome: 'fetched', records: page(outcome.rows, payload), count: outcome.rows.length } : { outcome: 'notFetched', ...outcome },
      ),
    ),
  ),
  on(api.downloadSystemOfRecord, (ctx, { query }) =>
    later(
      // a refused export answers 400 and, as any refused request, leaves no trace in the log
      warehouseQuery(ctx, query, { logErrors: false }).then((outcome) => {
        if (!('rows' in outcome)) throw badRequest('queryFailed', outcome.errorMessage)
        return ctx.store.transaction(() => ({ urls: [publishCsv(ctx, outcome.rows)] }))
      }),
    ),
  ),
]

// ---------------------------------------------------------------------------------------------
// Query log

const DAY_MS = 86_400_000

/** [from, to): a plain date as `to` includes that whole day. */
function range(from: string, to: string): [number, number] {
  const end = Date.parse(to)
  return [Date.parse(from), /^\d{4}-\d{2}-\d{2}$/.test(to) ? end + DAY_MS : end]
}

const logHandlers = [
  on(api.listLogs, (ctx, payload) => {
    const search = payload.query?.toLowerCase()
    const logs = live<LogDoc>(ctx, 'sorLog')
      .filter((log) => (!payload.statuses || payload.statuses.includes(log.status)) && (!search || log.query.toLowerCase().includes(search)))
      .reverse()
    return { logs: page(logs, payload).map(publicView) }
  }),
  on(api.getLogMetrics, (ctx, { from, to }) => {
    const [start, end] = range(from, to)
    const days = new Map<string, { date: string; processedSecondsCount: number; processedBytesCount: number; queriesCount: number }>()
    for (const log of live<LogDoc>(ctx, 'sorLog')) {
      const at = Date.parse(log.createdAt)
      if (at < start || at >= end) continue
      const date = `${log.createdAt.slice(0, 10)}T00:00:00.000Z`
      const day = days.get(date) ?? { date, processedSecondsCount: 0, processedBytesCount: 0, queriesCount: 0 }
      day.processedSecondsCount += (Date.parse(log.finishedAt) - Date.parse(log.startedAt)) / 1000
      day.processedBytesCount += log.processedBytesCount
      day.queriesCount += 1
      days.set(date, day)
    }
    return { metrics: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) }
  }),
]

/** Emulated system-of-record endpoints. */
export const systemOfRecordHandlers: Array<[string, Handler]> = [...sorHandlers, ...clientHandlers, ...logHandlers]
