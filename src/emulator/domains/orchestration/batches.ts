import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, lookup, mustGet, on, save } from '../../kernel/context.js'
import { type BatchDoc, type ModelDoc, type PlayDoc, type RunDoc, type SegmentDoc, type WorkflowDoc, isTerminal } from './documents.js'
import { publicView } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { csvRecords } from '../../csv.js'
import { type ApiFailure, badRequest, dataError, notFound } from '../../kernel/http.js'
import { type BatchRecord, type WorkflowKind, chooseGraph, startBatch, workflowKind } from './runtime.js'
import { type SegmentFilter, selectRows } from '../../segment-filter.js'
import { newestFirst, page, select } from '../../kernel/selection.js'
import { batchPredicates } from './predicates.js'
import { SEED } from '../../kernel/seeded.js'
import { materializeBatch } from './simulation.js'
import { selectOrchestrationRecords } from './records.js'
import { cancelAll, selectRuns, workspaceRuns } from './runs.js'
import { readUploadedFile } from '../workspace-management/handlers.js'

/** Batch data kinds by workflow kind (wire.md §13), plus the internal kinds the API also accepts. */
const allowedKinds: Record<WorkflowKind, readonly string[]> = {
  play: ['segment', 'change', 'filter', 'recordIds', 'schedule', 'runs'],
  tool: ['file', 'records', 'form', 'runs'],
  adHoc: ['file', 'records', 'form', 'runs'],
}

type Data = JsonObject & { kind: string }

/** Rows of a model as batch records, titled by the model's title column. */
function fromModel(ctx: Ctx, modelUuid: string, pick: (rows: readonly JsonObject[]) => JsonObject[]): BatchRecord[] {
  const model = mustGet<ModelDoc>(ctx, 'model', modelUuid, 'model')
  return pick(model._records).map((row) => ({ data: row, title: String(row[model.titleColumnSlug] ?? row._id) }))
}

const selectionOf = (source: JsonObject) => ({
  filter: source.filter as unknown as SegmentFilter | undefined,
  sort: source.sort as Array<{ columnSlug: string; kind: 'asc' | 'desc' }> | undefined,
  limit: source.limit as number | undefined,
})

interface SegmentRules {
  /** batch create refuses a play's own segment (wire.md §13); preview shows it */
  refuseLinkedToPlay: boolean
  missing: () => ApiFailure
}

function segmentRecords(ctx: Ctx, segmentUuid: string, rules: SegmentRules): BatchRecord[] {
  const segment = lookup<SegmentDoc>(ctx, 'segment', segmentUuid)
  if (!segment) throw rules.missing()
  if (rules.refuseLinkedToPlay && segment.fromPlay) throw dataError('segmentLinkedToPlay')
  return fromModel(ctx, segment.modelUuid, (rows) => selectRows(rows, selectionOf(segment as unknown as JsonObject)))
}

/** `runs` data re-runs the records of earlier runs, chosen by uuid (preview) or by a run or record filter. */
function rerunRecords(ctx: Ctx, data: Data): BatchRecord[] {
  const filter = (data.filter ?? {}) as JsonObject
  const runs = Array.isArray(data.runUuids)
    ? selectRuns(ctx, { uuids: data.runUuids })
    : filter.kind === 'records'
      ? selectOrchestrationRecords(ctx, filter).map((entry) => entry.run)
      : selectRuns(ctx, filter)
  return runs.map((run: RunDoc) => ({ data: run._sim.context.start as JsonObject, title: run.recordTitle }))
}

const inline = (records: unknown) => (records as JsonObject[]).map((data) => ({ data }))

/** Where the records of each data kind come from. */
const sources: Record<string, (ctx: Ctx, data: Data) => BatchRecord[]> = {
  segment: (ctx, data) => segmentRecords(ctx, String(data.segmentUuid), { refuseLinkedToPlay: true, missing: () => dataError('failedToGetSegment') }),
  schedule: (ctx, data) => segmentRecords(ctx, String(data.segmentUuid), { refuseLinkedToPlay: false, missing: () => dataError('failedToGetSegment') }),
  change: () => {
    throw dataError('failedToGetSegmentChange', 'Segment changes are not emulated')
  },
  filter: (ctx, data) => fromModel(ctx, String(data.modelUuid), (rows) => selectRows(rows, selectionOf(data))),
  recordIds: (ctx, data) =>
    fromModel(ctx, String(data.modelUuid), (rows) =>
      (data.ids as string[]).map((id) => rows.find((row) => row._id === id)).filter((row): row is JsonObject => !!row),
    ),
  records: (_, data) => inline(data.records),
  form: (_, data) => inline(data.records),
  group: (_, data) => (data.items as JsonObject[]).map((item) => ({ data: item && typeof item === 'object' ? item : { value: item } })),
  runs: rerunRecords,
  file: (ctx, data) => fileRecords(ctx, String(data.s3Filename), data.mappings as Record<string, string> | undefined),
}

/** An uploaded file's rows (workspaceManagement file upload): CSV with a header row, or a JSON array of objects. */
function fileRecords(ctx: Ctx, s3Filename: string, mappings?: Record<string, string>): BatchRecord[] {
  const bytes = readUploadedFile(ctx, s3Filename)
  if (!bytes) throw dataError('invalidData', `No uploaded file has the s3Filename ${s3Filename}; upload it with workspaceManagement file upload`)
  const text = bytes.toString('utf8')
  if (/^\s*\[/.test(text)) {
    let rows: unknown
    try {
      rows = JSON.parse(text)
    } catch {
      throw dataError('invalidData', `${s3Filename} is neither a CSV nor a JSON array`)
    }
    return (rows as unknown[]).filter((row): row is JsonObject => !!row && typeof row === 'object' && !Array.isArray(row)).map((data) => ({ data }))
  }
  return csvRecords(text, mappings).map((data) => ({ data }))
}

function recordsOf(ctx: Ctx, data: Data): BatchRecord[] {
  const records = sources[data.kind]?.(ctx, data) ?? []
  if (records.length === 0) throw dataError('noRecords')
  return records
}

/** Batch.data as the API stores it: inline records become a file. */
function storedData(data: Data): JsonObject {
  const { records: _records, ...rest } = data
  return data.kind === 'records' || data.kind === 'form' ? { ...rest, s3Filename: `batches/${randomUUID()}/records.json` } : data
}

export function createBatchFor(ctx: Ctx, graph: Parameters<typeof chooseGraph>[1], data: Data, options: { outputSlug?: string } = {}): BatchDoc {
  const workflow = mustGet<WorkflowDoc>(ctx, 'workflow', graph.workflowUuid ?? SEED.adHocWorkflowUuid, 'workflow')
  if (!allowedKinds[workflowKind(workflow)].includes(data.kind)) throw badRequest('invalidDataKind')
  return startBatch(ctx, chooseGraph(ctx, graph), storedData(data), recordsOf(ctx, data), options)
}

function previewColumns(ctx: Ctx, workflow: WorkflowDoc, records: BatchRecord[]): JsonObject[] {
  if (workflow.playUuid) {
    const play = lookup<PlayDoc>(ctx, 'play', workflow.playUuid)
    const model = play && lookup<ModelDoc>(ctx, 'model', play.modelUuid)
    if (model) return model.columns
  }
  const keys = [...new Set(records.flatMap((record) => Object.keys(record.data)))]
  return keys.map((slug) => ({ slug, type: typeof records[0]?.data[slug] === 'number' ? 'number' : 'string', label: slug }))
}

const playOnlyKinds = new Set(['segment', 'change', 'filter', 'recordIds', 'schedule'])

/** Preview shows any segment, and names a missing one. */
const previewSources: typeof sources = {
  ...sources,
  segment: (ctx, data) => segmentRecords(ctx, String(data.segmentUuid), { refuseLinkedToPlay: false, missing: () => notFound('segment') }),
}

export const batchHandlers = [
  on(api.createBatch, (ctx, { data, ...graph }) => ({ batch: publicView(createBatchFor(ctx, graph, data as Data)) })),
  on(api.getBatch, (ctx, { uuid }) => ({ batch: publicView(mustGet<BatchDoc>(ctx, 'batch', uuid, 'batch')) })),
  on(api.listBatches, (ctx, payload) => {
    const batches = select(newestFirst(ctx.store.find<BatchDoc>('batch', ctx.workspaceUuid)), payload, batchPredicates)
    return { batches: page(batches, payload).map(publicView) }
  }),
  on(api.cancelBatch, (ctx, { uuid }) => {
    const batch = mustGet<BatchDoc>(ctx, 'batch', uuid, 'batch')
    if (isTerminal(batch.status)) throw badRequest('batchAlreadyFinished')
    cancelAll(ctx, workspaceRuns(ctx, { batchUuid: uuid }))
    save(ctx, 'batch', materializeBatch({ ...batch, _cancelledAt: ctx.now }, workspaceRuns(ctx, { batchUuid: uuid }), ctx.now))
  }),
  on(api.previewBatch, (ctx, { workflowUuid, data }) => {
    const workflow = mustGet<WorkflowDoc>(ctx, 'workflow', workflowUuid, 'workflow')
    const isPlay = workflowKind(workflow) === 'play'
    if (isPlay !== playOnlyKinds.has(data.kind)) throw badRequest(isPlay ? 'modelLinkedToWorkflow' : 'noModelLinkedToWorkflow')
    const records = previewSources[data.kind]?.(ctx, data as Data) ?? []
    return { records: records.slice(0, 100).map((record) => record.data), columns: previewColumns(ctx, workflow, records), count: records.length }
  }),
]
