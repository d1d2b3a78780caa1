import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/segmentation.js'
import { type Ctx, type Handler, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { Json, JsonObject } from '../../expressions.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { type SegmentFilter, selectRows } from '../../segment-filter.js'
import { newestFirst, page } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { columnsOf, modelOf, publishCsv, recordsOf } from '../storage/handlers.js'
import { type StorageModelDoc } from '../storage/documents.js'
import type { ChangeKind, StoredSegment, ChangeEntry, ChangeDoc } from './documents.js'

/**
 * Segments select a model's records with the filter grammar of entities.md §4.1 (segment-filter.ts),
 * evaluated on every read. A change is what a sync of the segment saw: each record it holds marked
 * added, updated (a tracked column moved), unchanged, or removed, against the previous change. Changes
 * are recorded when a segment is created or its selection changes, and when its model syncs (storage
 * refresh or run create); the latter is noticed on the next segmentation call.
 */

const modelFor = (ctx: Ctx, segment: StoredSegment) => lookup<StorageModelDoc>(ctx, 'model', segment.modelUuid)

interface Selection {
  filter?: JsonObject | null
  sort?: JsonObject[] | null
  limit?: number | null
}

function select(ctx: Ctx, model: StorageModelDoc, selection: Selection): JsonObject[] {
  return selectRows(recordsOf(ctx, model), {
    filter: selection.filter as unknown as SegmentFilter | undefined,
    sort: selection.sort as Array<{ columnSlug: string; kind: 'asc' | 'desc' }> | undefined,
    limit: selection.limit,
  })
}

/** Columns of fetched records, limited to the segment's own when it names them. */
function columnsFor(model: StorageModelDoc | undefined, only?: string[] | null): JsonObject[] {
  if (!model) return []
  return columnsOf(model)
    .filter((column) => !only || only.includes(String(column.slug)))
    .map(({ slug, type, label }) => ({ slug, type, label, modelUuid: model.uuid }))
}

// ---------------------------------------------------------------------------------------------
// Changes

const changesOf = (ctx: Ctx, segmentUuid: string) => live<ChangeDoc>(ctx, 'change', { segmentUuid })

function summary(change: ChangeDoc): JsonObject {
  const { _entries: _, workspaceUuid: _ws, segmentUuid: _segment, ...counts } = change
  return counts
}

const same = (a: Json | undefined, b: Json | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/** Compares what the segment selects now with its previous change, and stores the difference. */
export function recordChange(ctx: Ctx, segment: StoredSegment, at: string): void {
  const model = modelFor(ctx, segment)
  if (!model) return
  const history = changesOf(ctx, segment.uuid)
  const before = new Map((history.at(-1)?._entries ?? []).filter((entry) => entry.kind !== 'removed').map((entry) => [entry.record._id, entry.record]))
  const now = select(ctx, model, segment)
  const tracked = segment.trackingColumnSlugs ?? []
  const entries: ChangeEntry[] = now.map((record) => {
    const previous = before.get(record._id)
    const kind = !previous ? 'added' : tracked.some((slug) => !same(previous[slug], record[slug])) ? 'updated' : 'unchanged'
    return { kind, record }
  })
  const kept = new Set(now.map((record) => record._id))
  for (const [id, record] of before) if (!kept.has(id)) entries.push({ kind: 'removed', record })
  const count = (kind: ChangeKind) => entries.filter((entry) => entry.kind === kind).length
  const change: ChangeDoc = {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    segmentUuid: segment.uuid,
    slug: `${segment.slug ?? 'segment'}_change_${history.length + 1}`,
    totalRecordsCount: now.length,
    updatedRecordsCount: count('updated'),
    removedRecordsCount: count('removed'),
    addedRecordsCount: count('added'),
    unchangedRecordsCount: count('unchanged'),
    createdAt: at,
    _entries: entries,
  }
  save(ctx, 'change', change)
  save(ctx, 'segment', { ...segment, syncedAt: at })
}

/** Segments whose model synced since their last change record one now. */
function catchUp(ctx: Ctx): void {
  for (const segment of live<StoredSegment>(ctx, 'segment')) {
    const syncedAt = modelFor(ctx, segment)?._syncedAt
    if (syncedAt && (!segment.syncedAt || syncedAt > segment.syncedAt)) recordChange(ctx, segment, syncedAt)
  }
}

function mustGetChange(ctx: Ctx, uuid: string): { change: ChangeDoc; segment: StoredSegment } {
  const change = mustGet<ChangeDoc>(ctx, 'change', uuid, 'change')
  return { change, segment: mustGet<StoredSegment>(ctx, 'segment', change.segmentUuid, 'segment') }
}

const entriesOf = (change: ChangeDoc, kinds: readonly string[]) => change._entries.filter((entry) => kinds.includes(entry.kind)).map((entry) => entry.record)

const changeFilters: Record<string, (change: ChangeDoc, value: never) => boolean> = {
  segmentUuid: (change, uuid: string) => change.segmentUuid === uuid,
  notEmpty: (change, wanted: boolean) => change.addedRecordsCount + change.updatedRecordsCount + change.removedRecordsCount > 0 === wanted,
  hasRecords: (change, kind: ChangeKind) => Number(change[`${kind}RecordsCount`]) > 0,
}

// ---------------------------------------------------------------------------------------------
// Segments

const slugify = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'segment'

function uniqueSlug(ctx: Ctx, name: string): string {
  const taken = new Set(live<StoredSegment>(ctx, 'segment').map((segment) => segment.slug))
  const base = slugify(name)
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}_${n}`
  return slug
}

export function segmentView(ctx: Ctx, segment: StoredSegment): JsonObject {
  const model = modelFor(ctx, segment)
  const last = changesOf(ctx, segment.uuid).at(-1)
  return {
    userUuid: ctx.userUuid,
    slug: slugify(segment.name),
    trackingColumnSlugs: null,
    columnSlugs: null,
    syncedAt: null,
    ...(publicView(segment) as unknown as JsonObject),
    recordsCount: model ? select(ctx, model, segment).length : 0,
    lastChange: last ? summary(last) : null,
  }
}

const segmentOf = (ctx: Ctx, uuid: string) => mustGet<StoredSegment>(ctx, 'segment', uuid, 'segment')

/** Segments of plays change with their play (orchestration play update / remove). */
function editable(ctx: Ctx, segment: StoredSegment): StoredSegment {
  if (segment.fromPlay || live(ctx, 'play', { segmentUuid: segment.uuid }).length > 0) throw badRequest('segmentLinkedToWorkflow')
  return segment
}

const selectionFields = ['filter', 'sort', 'limit', 'trackingColumnSlugs'] as const

export const segmentationHandlers: Array<[string, Handler]> = [
  on(api.listSegments, (ctx) => {
    catchUp(ctx)
    return { segments: live<StoredSegment>(ctx, 'segment').map((segment) => segmentView(ctx, segment)) }
  }),
  on(api.getSegment, (ctx, { uuid }) => {
    catchUp(ctx)
    return { segment: segmentView(ctx, segmentOf(ctx, uuid)) }
  }),
  on(api.createSegment, (ctx, payload) => {
    modelOf(ctx, payload.modelUuid)
    const segment: StoredSegment = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      userUuid: ctx.userUuid,
      modelUuid: payload.modelUuid,
      slug: uniqueSlug(ctx, payload.name),
      name: payload.name,
      filter: payload.filter as JsonObject,
      sort: (payload.sort as JsonObject[] | undefined) ?? null,
      limit: payload.limit ?? null,
      fromPlay: false,
      trackingColumnSlugs: payload.trackingColumnSlugs ?? null,
      columnSlugs: payload.columnSlugs ?? null,
      syncedAt: null,
      deletedAt: null,
      ...stamps(ctx),
    }
    recordChange(ctx, segment, iso(ctx.now))
    return { segment: segmentView(ctx, segmentOf(ctx, segment.uuid)) }
  }),
  on(api.updateSegment, (ctx, payload) => {
    const segment = editable(ctx, segmentOf(ctx, payload.uuid))
    const updated = { ...segment, ...sent(payload, ['name', ...selectionFields, 'columnSlugs']), updatedAt: iso(ctx.now) } as StoredSegment
    if (selectionFields.some((field) => payload[field] !== undefined)) recordChange(ctx, updated, iso(ctx.now))
    else save(ctx, 'segment', updated)
    return { segment: segmentView(ctx, segmentOf(ctx, payload.uuid)) }
  }),
  on(api.removeSegment, (ctx, { uuid }) => {
    const stored = ctx.store.get<StoredSegment>('segment', uuid)
    if (!stored || stored.workspaceUuid !== ctx.workspaceUuid) throw notFound('segment')
    if (stored.deletedAt) throw badRequest('segmentAlreadyRemoved')
    save(ctx, 'segment', { ...editable(ctx, stored), deletedAt: iso(ctx.now) })
  }),
  on(api.fetchSegment, (ctx, { fetchingLimit, fetchingOffset, ...selection }) => {
    const model = modelOf(ctx, selection.modelUuid)
    const records = select(ctx, model, selection as Selection)
    return { records: page(records, { limit: fetchingLimit, offset: fetchingOffset }), count: records.length, columns: columnsFor(model), isRefreshing: false }
  }),
  on(api.downloadSegment, (ctx, selection) => ({ urls: [publishCsv(ctx, select(ctx, modelOf(ctx, selection.modelUuid), selection as Selection))] })),

  on(api.listChanges, (ctx, payload) => {
    catchUp(ctx)
    const active = Object.entries(payload).filter(([key, value]) => value !== undefined && key in changeFilters)
    const changes = newestFirst(live<ChangeDoc>(ctx, 'change')).filter((change) => active.every(([key, value]) => changeFilters[key](change, value as never)))
    return { changes: page(changes, payload).map(publicView) }
  }),
  on(api.getChange, (ctx, { uuid }) => {
    catchUp(ctx)
    return { change: publicView(mustGet<ChangeDoc>(ctx, 'change', uuid, 'change')) }
  }),
  on(api.fetchChange, (ctx, { uuid, kinds, limit, offset }) => {
    const { change, segment } = mustGetChange(ctx, uuid)
    const records = entriesOf(change, kinds)
    return { records: page(records, { limit, offset }), count: records.length, columns: columnsFor(modelFor(ctx, segment), segment.columnSlugs) }
  }),
  on(api.downloadChange, (ctx, { uuid, kinds }) => ({ urls: [publishCsv(ctx, entriesOf(mustGetChange(ctx, uuid).change, kinds))] })),

  on(api.fetchRecords, (ctx, { modelUuid, ids }) => {
    const model = modelOf(ctx, modelUuid)
    const records = recordsOf(ctx, model)
    return { records: ids.map((id) => records.find((record) => record._id === id)).filter((record) => record !== undefined) }
  }),
]
