import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/storage.js'
import { activeRunStatus } from '../../../api/schemas/orchestration.js'
import { storageRunStatus } from '../../../api/schemas/storage.js'
import { type Ctx, type Handler, later, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { type FileDoc } from '../orchestration/documents.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { Json, JsonObject } from '../../expressions.js'
import { ApiFailure, badRequest, notFound } from '../../kernel/http.js'
import { page } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { FILES_PATH, toCsv } from '../orchestration/downloads.js'
import type { SandboxTable } from '../../sql-sandbox.js'
import { queryWorkspace, sqlValue } from '../orchestration/query.js'
import { checkFolder } from '../workspace-management/handlers.js'
import type { DatasetDoc, StorageModelDoc, RelationshipDoc, StorageRunDoc } from './documents.js'

/**
 * Storage: datasets, models with their columns and records, relationships, sync runs, and SQL over the
 * records. A model's rows live in its document (`_records`, raw values keyed by column slug plus `_id`);
 * they are served as the warehouse would show them: every column (null when empty), lookups resolved,
 * and the system columns `_title` and `_emitted_at`. Other modules (segmentation) read them from here.
 */

// ---------------------------------------------------------------------------------------------
// Documents

export const modelOf = (ctx: Ctx, uuid: string) => mustGet<StorageModelDoc>(ctx, 'model', uuid, 'model')

// ---------------------------------------------------------------------------------------------
// Columns

const systemSlugs = ['_id', '_title', '_emitted_at']

const asOriginal = (column: JsonObject): JsonObject => ({ ...column, kind: 'original', originalSlug: column.originalSlug ?? column.slug })

/** Every column of a model, as the API shows them: source columns first, then the added ones. */
export function columnsOf(model: StorageModelDoc): JsonObject[] {
  return [...model.columns.map(asOriginal), ...model.additionalColumns]
}

const findColumn = (model: StorageModelDoc, slug: string) => columnsOf(model).find((column) => column.slug === slug)

function mustFindColumn(model: StorageModelDoc, slug: string): JsonObject {
  const column = findColumn(model, slug)
  if (!column) throw notFound('column')
  return column
}

/** The stored list that holds a column (source or added), so that it is changed in place. */
function listHolding(model: StorageModelDoc, slug: string): 'columns' | 'additionalColumns' {
  return model.columns.some((column) => column.slug === slug) ? 'columns' : 'additionalColumns'
}

/** Metric columns name a relationship of this model; lookups a live model (reason invalidRelationship). */
function checkColumn(ctx: Ctx, model: StorageModelDoc, column: JsonObject): JsonObject {
  if (column.kind === 'metric') {
    const relationship = lookup<RelationshipDoc>(ctx, 'relationship', String(column.relationshipUuid))
    if (!relationship || ![relationship.fromModelUuid, relationship.toModelUuid].includes(model.uuid)) throw badRequest('invalidRelationship')
    const aggregation = column.aggregation as JsonObject
    return { ...column, aggregation: { ...aggregation, function: String(aggregation.function).toUpperCase() } }
  }
  if (column.kind === 'lookup' && !lookup(ctx, 'model', String((column.join as JsonObject).toModelUuid))) throw badRequest('invalidRelationship')
  return column
}

// ---------------------------------------------------------------------------------------------
// Records

/** Rows of the models a view reads, loaded once per request. */
type Rows = (modelUuid: string) => JsonObject[]

function rowsLoader(ctx: Ctx): Rows {
  const cache = new Map<string, JsonObject[]>()
  return (modelUuid) => {
    if (!cache.has(modelUuid)) cache.set(modelUuid, lookup<StorageModelDoc>(ctx, 'model', modelUuid)?._records ?? [])
    return cache.get(modelUuid)!
  }
}

function columnValue(column: JsonObject, row: JsonObject, rows: Rows): Json {
  if (column.kind === 'lookup') {
    const join = column.join as JsonObject
    const match = rows(String(join.toModelUuid)).find((other) => other[String(join.toColumnSlug)] === row[String(join.fromColumnSlug)])
    return match?.[String(column.extractColumnSlug)] ?? null
  }
  // computed and metric values are not worked out by the emulator
  return row[String(column.slug)] ?? null
}

/** A row as the API serves it: `_id`, every column (null when empty), `_title`, `_emitted_at`. */
export function recordView(model: StorageModelDoc, row: JsonObject, rows: Rows): JsonObject {
  const values = columnsOf(model)
    .filter((column) => !systemSlugs.includes(String(column.slug)))
    .map((column) => [String(column.slug), columnValue(column, row, rows)])
  return {
    _id: row._id,
    ...Object.fromEntries(values),
    _title: String(row[model.titleColumnSlug] ?? row._id),
    _emitted_at: row._emitted_at ?? model.createdAt,
  }
}

/** Every record of a model, as served. */
export function recordsOf(ctx: Ctx, model: StorageModelDoc): JsonObject[] {
  const rows = rowsLoader(ctx)
  return model._records.map((row) => recordView(model, row, rows))
}

function findRow(model: StorageModelDoc, id: string): JsonObject | undefined {
  return model._records.find((row) => row._id === id)
}

/** The id of a new record: its `_id`, else its id column, else a fresh one. */
function idFor(model: StorageModelDoc, data: JsonObject): string {
  const given = data._id ?? (model.idColumnSlug === '_id' ? undefined : data[model.idColumnSlug])
  return given === undefined || given === null || given === '' ? randomUUID() : String(given)
}

/** Writes `data` into the record `id` (created when missing); answers the stored row. */
function writeRow(ctx: Ctx, model: StorageModelDoc, id: string, data: JsonObject): JsonObject {
  const index = model._records.findIndex((row) => row._id === id)
  const row = { ...(index >= 0 ? model._records[index] : {}), ...data, _id: id, _emitted_at: iso(ctx.now) }
  if (index >= 0) model._records[index] = row
  else model._records.push(row)
  return row
}

function saveModel(ctx: Ctx, model: StorageModelDoc): void {
  save(ctx, 'model', { ...model, updatedAt: iso(ctx.now) })
}

/** Runs a change of records on a model and answers the rows it wrote, as served. */
function changeRecords(ctx: Ctx, modelUuid: string, change: (model: StorageModelDoc) => JsonObject[]): JsonObject[] {
  const model = modelOf(ctx, modelUuid)
  const written = change(model)
  saveModel(ctx, model)
  const rows = rowsLoader(ctx)
  return written.map((row) => recordView(model, row, rows))
}

const recordSorts: Record<string, (record: JsonObject) => string> = {
  _id: (record) => String(record._id),
  _title: (record) => String(record._title),
  _emitted_at: (record) => String(record._emitted_at),
}

// ---------------------------------------------------------------------------------------------
// Models

function countOf(ctx: Ctx, kind: string, modelUuid: string): number {
  return live(ctx, kind, { modelUuid }).length
}

function lastRunOf(ctx: Ctx, modelUuid: string): JsonObject | null {
  const run = ctx.store.find<StorageRunDoc>('storageRun', ctx.workspaceUuid, { modelUuid }).at(-1)
  if (!run) return null
  const { uuid, status, errorMessage, createdAt, finishedAt } = runView(run, ctx.now)
  return { uuid, status, errorMessage, createdAt, finishedAt }
}

export function modelView(ctx: Ctx, model: StorageModelDoc): JsonObject {
  const emitted = model._records.map((row) => String(row._emitted_at ?? model.createdAt)).sort()
  return {
    ...(publicView(model) as unknown as JsonObject),
    columns: model.columns.map(asOriginal),
    playsCount: countOf(ctx, 'play', model.uuid),
    segmentsCount: countOf(ctx, 'segment', model.uuid),
    lastEmittedAt: emitted.at(-1) ?? null,
    lastRun: lastRunOf(ctx, model.uuid),
  }
}

const datasetOf = (ctx: Ctx, uuid: string) => mustGet<DatasetDoc>(ctx, 'dataset', uuid, 'dataset')

/** Cron schedules get the id of their engine schedule. */
function storedSchedule(schedule: JsonObject | null | undefined): JsonObject | null | undefined {
  return schedule?.type === 'cron' ? { ...schedule, temporalScheduleWorkflowId: `schedule-${randomUUID()}` } : schedule
}

/** A model may only go into a folder of kind model. */
function checkModelFolder(ctx: Ctx, folderUuid: string | null | undefined): void {
  checkFolder(ctx, folderUuid)
  if (folderUuid && mustGet(ctx, 'folder', folderUuid, 'folder').kind !== 'model') throw badRequest('folderNotCompatible')
}

function newModel(ctx: Ctx, payload: { slug: string; name: string; description?: string; datasetUuid: string; extractorSlug: string; config: JsonObject; schedule?: JsonObject; folderUuid?: string }): StorageModelDoc {
  const dataset = datasetOf(ctx, payload.datasetUuid)
  if (live(ctx, 'model', { datasetUuid: dataset.uuid, slug: payload.slug }).length > 0) throw badRequest('duplicateSlug')
  checkModelFolder(ctx, payload.folderUuid)
  return {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    slug: payload.slug,
    name: payload.name,
    description: payload.description ?? null,
    kind: dataset.kind,
    ...(dataset.kind === 'connector' ? { connectorUuid: dataset.connectorUuid as string } : {}),
    datasetUuid: dataset.uuid,
    extractorSlug: payload.extractorSlug,
    position: { x: 0, y: 0 },
    config: payload.config,
    schedule: storedSchedule(payload.schedule) ?? null,
    meta: null,
    idColumnSlug: '_id',
    titleColumnSlug: '_id',
    timeColumnSlug: null,
    unification: null,
    folderUuid: payload.folderUuid ?? null,
    isPaused: false,
    columns: [{ slug: '_id', type: 'string', label: 'ID' }],
    additionalColumns: [],
    _records: [],
    deletedAt: null,
    ...stamps(ctx),
  }
}

/** `CREATE TABLE` in BigQuery's dialect, with the table name the docs describe. */
function ddlOf(ctx: Ctx, model: StorageModelDoc): string {
  const types: Record<string, string> = { string: 'STRING', number: 'FLOAT64', boolean: 'BOOL', date: 'TIMESTAMP', vector: 'ARRAY<FLOAT64>' }
  const slugs = columnsOf(model).filter((column) => !systemSlugs.includes(String(column.slug)))
  const lines = [
    '_id STRING',
    ...slugs.map((column) => `${column.slug} ${types[String(column.type)] ?? 'JSON'}`),
    '_title STRING',
    '_emitted_at TIMESTAMP',
  ]
  return `CREATE TABLE ${tableName(datasetOf(ctx, model.datasetUuid), model)} (\n  ${lines.join(',\n  ')}\n);`
}

const tableName = (dataset: DatasetDoc, model: StorageModelDoc) => `datasets_${dataset.slug}.models_${model.slug}`

// ---------------------------------------------------------------------------------------------
// Sync runs

export function runView(run: StorageRunDoc, now: number): StorageRunDoc {
  const { _cancelledAt: cancelledAt, _startAt: startAt, _endAt: endAt } = run
  const [status, changedAt, finishedAt] =
    cancelledAt !== null
      ? ['cancelled', cancelledAt, cancelledAt]
      : now < startAt
        ? ['pending', Date.parse(run.createdAt), null]
        : now < endAt
          ? ['running', startAt, null]
          : ['success', endAt, endAt]
  return { ...publicView(run), status, updatedAt: iso(changedAt), finishedAt: finishedAt === null ? null : iso(finishedAt) } as StorageRunDoc
}

/** A sync run is active in the statuses a run is active in: the API's storage run statuses that are active run statuses. */
const activeStorageRunStatuses: readonly string[] = storageRunStatus.options.filter((status) => (activeRunStatus.options as readonly string[]).includes(status))
const isActive = (run: StorageRunDoc) => activeStorageRunStatuses.includes(run.status)

function activeRun(ctx: Ctx, modelUuid: string): StorageRunDoc | undefined {
  return ctx.store.find<StorageRunDoc>('storageRun', ctx.workspaceUuid, { modelUuid }).map((run) => runView(run, ctx.now)).find(isActive)
}

/** A sync: a run of the model, after which its segments record what changed (segmentation/handlers.ts). */
function startSync(ctx: Ctx, model: StorageModelDoc, busyReason: string): StorageRunDoc {
  if (activeRun(ctx, model.uuid)) throw badRequest(busyReason)
  const startAt = ctx.now + ctx.timing.pendingMs
  const run: StorageRunDoc = {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    modelUuid: model.uuid,
    status: 'pending',
    temporalWorkflowId: `storage-run-${randomUUID()}`,
    errorMessage: null,
    s3Filenames: [],
    finishedAt: null,
    ...stamps(ctx),
    _startAt: startAt,
    _endAt: startAt + 2 * ctx.timing.nodeMs,
    _cancelledAt: null,
  }
  save(ctx, 'storageRun', run)
  saveModel(ctx, { ...model, _syncedAt: iso(ctx.now) })
  return runView(run, ctx.now)
}

// ---------------------------------------------------------------------------------------------
// Files and SQL

/** Stores an export and answers the URL the emulator serves it at (as a presigned URL, no auth). */
export function publishCsv(ctx: Ctx, rows: readonly JsonObject[]): string {
  const file: FileDoc = { uuid: randomUUID(), contentType: 'text/csv; charset=utf-8', content: toCsv(rows), createdAt: iso(ctx.now) }
  save(ctx, 'file', file)
  return `${ctx.origin}${FILES_PATH}${file.uuid}`
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const plainSlug = (slug: string) => /^\w+$/.test(slug)
/** `a.b`, with each part or the whole optionally quoted ("…" or `…`) */
const qualified = (schema: string, table: string) => {
  const [s, t] = [escapeRegExp(schema), escapeRegExp(table)]
  return new RegExp(`(?<![\\w.])(?:\`${s}\\.${t}\`|["\`]?${s}["\`]?\\.["\`]?${t}["\`]?)(?![\\w])`, 'g')
}

/**
 * SQL over the records: each model the query names (<datasetSlug>.<modelSlug>, datasets_<ds>.models_<m>
 * as in the DDL, or its bare slug) becomes a table of its served records, handed to the SQL sandbox with
 * the orchestration tables (read-only, count() accepted, the workspace's data only).
 */
export function runStorageQuery(ctx: Ctx, query: string): Promise<JsonObject[]> {
  const datasets = new Map(live<DatasetDoc>(ctx, 'dataset').map((dataset) => [dataset.uuid, dataset]))
  const models = live<StorageModelDoc>(ctx, 'model').filter((model) => plainSlug(model.slug) && plainSlug(datasets.get(model.datasetUuid)?.slug ?? '-'))
  const reserved = new Set(['runs', 'batches', 'spans', 'records'])
  const tables: SandboxTable[] = []
  let sql = query
  for (const model of models) {
    const dataset = datasets.get(model.datasetUuid)!
    const shared = reserved.has(model.slug) || models.some((other) => other !== model && other.slug === model.slug)
    const name = shared ? `${dataset.slug}__${model.slug}` : model.slug
    const renamed = [qualified(`datasets_${dataset.slug}`, `models_${model.slug}`), qualified(dataset.slug, model.slug)].reduce(
      (text, pattern) => text.replace(pattern, `"${name}"`),
      sql,
    )
    if (renamed === sql && (shared || !new RegExp(`\\b${escapeRegExp(model.slug)}\\b`).test(sql))) continue
    sql = renamed
    const columns = Object.keys(recordView(model, { _id: '' }, () => []))
    const rows = recordsOf(ctx, model).map((record) => columns.map((column) => sqlValue(record[column])))
    tables.push({ name, columns, rows })
  }
  return queryWorkspace(ctx, sql, tables) as Promise<JsonObject[]>
}

// ---------------------------------------------------------------------------------------------
// Handlers

const typeOf = (value: Json | undefined) =>
  typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : Array.isArray(value) ? 'array' : value && typeof value === 'object' ? 'object' : 'string'

/** No extractor runs here: a preview shows the `records` array of the configuration, if any. */
function preview(ctx: Ctx, payload: { datasetUuid: string; config: JsonObject }) {
  datasetOf(ctx, payload.datasetUuid)
  const records = Array.isArray(payload.config.records) ? (payload.config.records as JsonObject[]) : []
  const slugs = [...new Set(records.flatMap((record) => Object.keys(record)))]
  return { records, columns: slugs.map((slug) => ({ slug, type: typeOf(records.find((r) => r[slug] != null)?.[slug]), label: slug })), count: records.length }
}

function relationshipDoc(ctx: Ctx, datasetUuid: string, input: JsonObject): RelationshipDoc {
  const from = lookup<StorageModelDoc>(ctx, 'model', String(input.fromModelUuid))
  const to = lookup<StorageModelDoc>(ctx, 'model', String(input.toModelUuid))
  const valid = from && to && from.datasetUuid === datasetUuid && findColumn(from, String(input.fromColumnSlug)) && findColumn(to, String(input.toColumnSlug))
  if (!valid) throw badRequest('invalidRelationships')
  const field = (key: string) => (input[key] ?? null) as never
  return {
    uuid: (input.uuid as string | undefined) ?? randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    fromDatasetUuid: from.datasetUuid,
    fromModelUuid: from.uuid,
    fromColumnSlug: field('fromColumnSlug'),
    fromPropertySlug: field('fromPropertySlug'),
    toDatasetUuid: to.datasetUuid,
    toModelUuid: to.uuid,
    toColumnSlug: field('toColumnSlug'),
    toPropertySlug: field('toPropertySlug'),
    fromSelectedColumnSlugs: field('fromSelectedColumnSlugs'),
    toSelectedColumnSlugs: field('toSelectedColumnSlugs'),
    relation: field('relation'),
  }
}

const datasetRelationships = (ctx: Ctx, datasetUuid: string) => live<RelationshipDoc>(ctx, 'relationship', { fromDatasetUuid: datasetUuid })

export const storageHandlers: Array<[string, Handler]> = [
  on(api.listDatasets, (ctx) => ({ datasets: live<DatasetDoc>(ctx, 'dataset') })),
  on(api.getDataset, (ctx, { uuid }) => ({ dataset: datasetOf(ctx, uuid) })),

  on(api.listModels, (ctx) => ({ models: live<StorageModelDoc>(ctx, 'model').map((model) => modelView(ctx, model)) })),
  on(api.getModel, (ctx, { uuid }) => ({ model: modelView(ctx, modelOf(ctx, uuid)) })),
  on(api.getModelDdl, (ctx, { uuid }) => ({ ddl: ddlOf(ctx, modelOf(ctx, uuid)), language: 'bigquery' })),
  on(api.createModel, (ctx, payload) => {
    const model = newModel(ctx, payload as Parameters<typeof newModel>[1])
    save(ctx, 'model', model)
    return { model: modelView(ctx, model) }
  }),
  on(api.updateModel, (ctx, payload) => {
    const model = modelOf(ctx, payload.uuid)
    checkModelFolder(ctx, payload.folderUuid)
    const schedule = payload.schedule === undefined ? {} : { schedule: storedSchedule(payload.schedule as JsonObject | null) ?? null }
    const updated = { ...model, ...sent(payload, ['name', 'description', 'position', 'config', 'unification', 'folderUuid']), ...schedule } as StorageModelDoc
    saveModel(ctx, updated)
    return { model: modelView(ctx, updated) }
  }),
  on(api.removeModel, (ctx, { uuid }) => {
    const model = modelOf(ctx, uuid)
    if (countOf(ctx, 'play', uuid) > 0) throw badRequest('hasWorkflows')
    if (countOf(ctx, 'segment', uuid) > 0) throw badRequest('hasSegments')
    saveModel(ctx, { ...model, deletedAt: iso(ctx.now) })
  }),
  on(api.refreshModel, (ctx, { uuid }) => {
    startSync(ctx, modelOf(ctx, uuid), 'alreadySyncing')
    return { model: modelView(ctx, modelOf(ctx, uuid)), isRefreshing: true }
  }),
  on(api.modelExistsBySlug, (ctx, { slug, datasetUuid }) => ({ exists: live(ctx, 'model', { slug, datasetUuid }).length > 0 })),
  on(api.previewModel, (ctx, payload) => preview(ctx, payload)),
  on(api.previewModelCount, (ctx, payload) => ({ count: preview(ctx, payload).count })),

  on(api.listColumns, (ctx, { modelUuid }) => ({ columns: columnsOf(modelOf(ctx, modelUuid)).map((column) => String(column.slug)) })),
  on(api.columnExistsBySlug, (ctx, { slug, modelUuid }) => ({ exists: findColumn(modelOf(ctx, modelUuid), slug) !== undefined })),
  on(api.createColumn, (ctx, { modelUuid, column }) => {
    const model = modelOf(ctx, modelUuid)
    if (findColumn(model, column.slug)) throw badRequest('duplicateSlug')
    saveModel(ctx, { ...model, additionalColumns: [...model.additionalColumns, checkColumn(ctx, model, column as JsonObject)] })
  }),
  on(api.updateColumn, (ctx, { modelUuid, column }) => {
    const model = modelOf(ctx, modelUuid)
    mustFindColumn(model, column.slug)
    const list = listHolding(model, column.slug)
    // source columns are stored without their kind (see StorageModelDoc)
    const { kind: _kind, ...source } = column as JsonObject
    const stored = list === 'columns' ? source : checkColumn(ctx, model, column as JsonObject)
    saveModel(ctx, { ...model, [list]: model[list].map((item) => (item.slug === column.slug ? stored : item)) })
  }),
  on(api.removeColumn, (ctx, { modelUuid, columnSlug }) => {
    const model = modelOf(ctx, modelUuid)
    mustFindColumn(model, columnSlug)
    const list = listHolding(model, columnSlug)
    saveModel(ctx, { ...model, [list]: model[list].filter((item) => item.slug !== columnSlug) })
  }),
  on(api.reorderColumn, (ctx, { modelUuid, columnSlug, toIndex }) => {
    const model = modelOf(ctx, modelUuid)
    const column = mustFindColumn(model, columnSlug)
    // each list keeps its own order: source columns always come before the added ones
    const list = listHolding(model, columnSlug)
    const others = model[list].filter((item) => item.slug !== columnSlug)
    if (toIndex > others.length) throw badRequest('invalidIndex')
    const moved = list === 'columns' ? model.columns.find((item) => item.slug === columnSlug)! : column
    saveModel(ctx, { ...model, [list]: [...others.slice(0, toIndex), moved, ...others.slice(toIndex)] })
  }),
  on(api.autocompleteColumn, (ctx, { modelUuid, column, query }) => {
    const values = recordsOf(ctx, modelOf(ctx, modelUuid)).map((record) => record[column.slug])
    const texts = [...new Set(values.filter((value) => value !== null && value !== undefined).map(String))]
    const matching = texts.filter((text) => !query || text.toLowerCase().includes(query.toLowerCase()))
    return { results: matching.slice(0, 20).map((value) => ({ value, label: value })) }
  }),

  on(api.listRelationships, (ctx) => ({ relationships: live<RelationshipDoc>(ctx, 'relationship') })),
  on(api.getRelationship, (ctx, { uuid }) => ({ relationship: mustGet<RelationshipDoc>(ctx, 'relationship', uuid, 'relationship') })),
  on(api.setRelationships, (ctx, { datasetUuid, relationships }) => {
    datasetOf(ctx, datasetUuid)
    const docs = relationships.map((input) => relationshipDoc(ctx, datasetUuid, input as JsonObject))
    const kept = new Set(docs.map((doc) => doc.uuid))
    for (const old of datasetRelationships(ctx, datasetUuid)) if (!kept.has(old.uuid)) ctx.store.remove('relationship', old.uuid)
    for (const doc of docs) save(ctx, 'relationship', doc)
    return { relationships: datasetRelationships(ctx, datasetUuid) }
  }),

  on(api.createRun, (ctx, { modelUuid }) => {
    const model = modelOf(ctx, modelUuid)
    if (model.isPaused) throw badRequest('modelIsPaused')
    return { run: startSync(ctx, model, 'alreadyRunning') }
  }),
  on(api.listRuns, (ctx, payload) => {
    const runs = ctx.store
      .find<StorageRunDoc>('storageRun', ctx.workspaceUuid, payload.modelUuid ? { modelUuid: payload.modelUuid } : {})
      .map((run) => runView(run, ctx.now))
      .filter((run) => !payload.statuses || payload.statuses.includes(run.status as never))
      .reverse()
    return { runs: page(runs, payload) }
  }),
  on(api.cancelRun, (ctx, { uuid }) => {
    const run = mustGet<StorageRunDoc>(ctx, 'storageRun', uuid, 'run')
    if (!isActive(runView(run, ctx.now))) throw badRequest('runAlreadyFinished')
    save(ctx, 'storageRun', { ...run, _cancelledAt: ctx.now })
  }),

  on(api.listRecords, (ctx, { modelUuid, sort, limit, offset }) => {
    const records = recordsOf(ctx, modelOf(ctx, modelUuid))
    if (sort) {
      const key = recordSorts[sort.columnSlug]
      records.sort((a, b) => key(a).localeCompare(key(b)) * (sort.kind === 'desc' ? -1 : 1))
    }
    return { records: page(records, { limit, offset }), isRefreshing: false }
  }),
  on(api.getRecord, (ctx, { modelUuid, id }) => {
    const model = modelOf(ctx, modelUuid)
    const row = findRow(model, id)
    if (!row) throw notFound('record')
    return { record: recordView(model, row, rowsLoader(ctx)), isRefreshing: false }
  }),
  on(api.createRecord, (ctx, { modelUuid, data }) => {
    const [record] = changeRecords(ctx, modelUuid, (model) => [writeRow(ctx, model, idFor(model, data as JsonObject), data as JsonObject)])
    return { record }
  }),
  on(api.createRecordsBulk, (ctx, { modelUuid, records }) => ({
    records: changeRecords(ctx, modelUuid, (model) => records.map(({ data }) => writeRow(ctx, model, idFor(model, data as JsonObject), data as JsonObject))),
  })),
  on(api.updateRecord, (ctx, { modelUuid, id, data }) => {
    const [record] = changeRecords(ctx, modelUuid, (model) => {
      if (!findRow(model, id)) throw notFound('record')
      return [writeRow(ctx, model, id, data as JsonObject)]
    })
    return { record }
  }),
  // records that do not exist are skipped (the API declares no recordNotFound for bulk calls)
  on(api.updateRecordsBulk, (ctx, { modelUuid, records }) => ({
    records: changeRecords(ctx, modelUuid, (model) =>
      records.filter(({ id }) => findRow(model, id)).map(({ id, data }) => writeRow(ctx, model, id, data as JsonObject)),
    ),
  })),
  on(api.removeRecord, (ctx, { modelUuid, id }) => {
    changeRecords(ctx, modelUuid, (model) => {
      model._records = model._records.filter((row) => row._id !== id)
      return []
    })
  }),
  on(api.removeRecordsBulk, (ctx, { modelUuid, ids }) => {
    changeRecords(ctx, modelUuid, (model) => {
      model._records = model._records.filter((row) => !ids.includes(String(row._id)))
      return []
    })
  }),

  on(api.executeQuery, (ctx, { query }) => later(runStorageQuery(ctx, query).then((rows) => ({ rows, isRefreshing: false })))),
  on(api.downloadQuery, (ctx, { query, format }) => {
    if (format === 'parquet') throw new ApiFailure(400, { errorMessage: 'Parquet exports are not emulated; use --format csv' })
    // the export is stored in a transaction of its own: the request's ended when the query was handed over
    const exported = runStorageQuery(ctx, query).then((rows) => ctx.store.transaction(() => ({ urls: [publishCsv(ctx, rows)], isRefreshing: false })))
    return later(exported)
  }),
]
