/**
 * The segmentation endpoints (wire.md §18): one entry per HTTP call of the `segmentation` commands.
 * Payload keys are the API's; each becomes a flag (kebab-cased). See spec/commands/segmentation.json.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { changeKind, filter, jsonObject, sort, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import { change, segment, segmentColumn } from '../schemas/segmentation.js'

const count = z.int().nonnegative()

const messages = {
  invalidFilter: 'The filter is not valid; check the JSON, the `conjonction` spelling, condition kinds and operators.',
  segmentNotFound: 'No segment matches this UUID; run `segmentation segment list`.',
  segmentLinkedToWorkflow: 'The segment is linked to a workflow (a play), so this change is refused.',
  segmentAlreadyRemoved: 'The segment has already been removed.',
  changeNotFound: 'No change matches this UUID; run `segmentation change list`.',
  failedToDownloadRecordsFromClient: 'Exporting the records from the system of record failed.',
} as const

function reasons(...codes: Array<keyof typeof messages>): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code, messages[code]]))
}

// ---------------------------------------------------------------------------------------------
// Fields shared by several calls

const filterDescription =
  'Filter as JSON: {"conjonction":"and"|"or","groups":[{"conjonction":"and"|"or","conditions":[{kind, columnSlug, operator, ...}]}]}; the key is spelled conjonction; {"conjonction":"and","groups":[]} keeps every record'
const sortDescription = 'Order as a JSON array: [{"columnSlug":"...","kind":"asc"|"desc"}]'
const selection = {
  modelUuid: req(uuid, "Model whose records to read (a segment's modelUuid, not a segment UUID)"),
  filter: req(filter, filterDescription),
  sort: opt(sort, sortDescription),
  limit: opt(count, 'Most records the whole selection may hold (the segment limit, not a page size)'),
}
const segmentFields = {
  name: 'Name of the segment',
  limit: 'Most records the segment may hold',
  trackingColumnSlugs: 'Columns whose value changes make a record count as updated, comma-separated',
  columnSlugs: 'Columns kept in the segment, comma-separated',
}
const kinds = req(z.array(changeKind), 'Kinds of change to keep, comma-separated')
const records = z.array(jsonObject)
const columns = z.array(segmentColumn)

// ---------------------------------------------------------------------------------------------
// Segments

export const listSegments = defineEndpoint({
  name: 'segmentation.listSegments',
  method: 'GET',
  path: '/segmentation/segments/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ segments: z.array(segment) }),
  reasons: {},
})

export const getSegment = defineEndpoint({
  name: 'segmentation.getSegment',
  method: 'GET',
  path: '/segmentation/segments/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the segment') }),
  result: z.looseObject({ segment }),
  reasons: {},
})

export const createSegment = defineEndpoint({
  name: 'segmentation.createSegment',
  method: 'POST',
  path: '/segmentation/segments',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), segmentFields.name),
    modelUuid: req(uuid, 'Model whose records the segment selects'),
    filter: req(filter, filterDescription),
    sort: opt(sort, sortDescription),
    limit: opt(count, segmentFields.limit),
    trackingColumnSlugs: opt(z.array(z.string()), segmentFields.trackingColumnSlugs),
    columnSlugs: opt(z.array(z.string()), segmentFields.columnSlugs),
  }),
  result: z.looseObject({ segment }),
  reasons: reasons('invalidFilter'),
})

export const updateSegment = defineEndpoint({
  name: 'segmentation.updateSegment',
  method: 'PUT',
  path: '/segmentation/segments/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the segment to change'),
    name: opt(z.string().min(1), `New ${segmentFields.name.toLowerCase()}`),
    filter: opt(filter, filterDescription),
    sort: optNull(sort, `${sortDescription}; null removes the order`),
    limit: optNull(count, `${segmentFields.limit} (null removes the cap)`),
    trackingColumnSlugs: optNull(z.array(z.string()), segmentFields.trackingColumnSlugs),
    columnSlugs: optNull(z.array(z.string()), segmentFields.columnSlugs),
  }),
  result: z.looseObject({ segment }),
  reasons: reasons('segmentNotFound', 'invalidFilter', 'segmentLinkedToWorkflow'),
})

/** The API client sends `{}` as the body of this DELETE (wire.md §2). */
export const removeSegment = defineEndpoint({
  name: 'segmentation.removeSegment',
  method: 'DELETE',
  path: '/segmentation/segments/{uuid}',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the segment to delete') }),
  result: voidResult,
  reasons: reasons('segmentLinkedToWorkflow', 'segmentAlreadyRemoved', 'segmentNotFound'),
})

/** Pages with fetchingLimit/fetchingOffset; `limit` caps the selection itself (wire.md §15). */
export const fetchSegment = defineEndpoint({
  name: 'segmentation.fetchSegment',
  method: 'POST',
  path: '/segmentation/segments/fetch',
  payloadIn: 'body',
  payload: z.object({
    ...selection,
    fetchingLimit: opt(count, 'Page size: how many records this call returns'),
    fetchingOffset: opt(count, 'How many records to skip before the page, for pagination'),
    enrich: opt(z.boolean(), "Run the model's enrichment tools on the fetched records"),
    sync: opt(z.boolean(), 'Write the enriched values back into the model'),
  }),
  result: z.looseObject({ records, count: z.number(), columns, isRefreshing: z.boolean() }),
  reasons: reasons('invalidFilter'),
  idempotent: true,
})

/** Answers signed URL(s); the CLI streams them (DESIGN.md downloads). */
export const downloadSegment = defineEndpoint({
  name: 'segmentation.downloadSegment',
  method: 'POST',
  path: '/segmentation/segments/download',
  payloadIn: 'body',
  payload: z.object(selection),
  result: z.looseObject({ urls: z.array(z.string()) }),
  reasons: reasons('invalidFilter', 'failedToDownloadRecordsFromClient'),
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Changes

export const listChanges = defineEndpoint({
  name: 'segmentation.listChanges',
  method: 'GET',
  path: '/segmentation/changes/list',
  payloadIn: 'query',
  payload: z.object({
    segmentUuid: opt(uuid, 'Only changes of this segment'),
    notEmpty: opt(z.boolean(), 'Only changes in which some record entered, left or changed'),
    hasRecords: opt(changeKind, 'Only changes with records of this kind'),
    limit: opt(count, 'Maximum number of changes to return'),
    offset: opt(count, 'Number of changes to skip, for pagination'),
  }),
  result: z.looseObject({ changes: z.array(change) }),
  reasons: {},
})

export const getChange = defineEndpoint({
  name: 'segmentation.getChange',
  method: 'GET',
  path: '/segmentation/changes/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the change') }),
  result: z.looseObject({ change }),
  reasons: {},
})

export const fetchChange = defineEndpoint({
  name: 'segmentation.fetchChange',
  method: 'POST',
  path: '/segmentation/changes/{uuid}/fetch',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the change'),
    kinds,
    limit: opt(count, 'Page size: how many records this call returns'),
    offset: opt(count, 'Number of records to skip, for pagination'),
  }),
  result: z.looseObject({ records, count: z.number(), columns }),
  reasons: reasons('changeNotFound', 'segmentNotFound'),
  idempotent: true,
})

/** Answers signed URL(s); the CLI streams them (DESIGN.md downloads). */
export const downloadChange = defineEndpoint({
  name: 'segmentation.downloadChange',
  method: 'POST',
  path: '/segmentation/changes/{uuid}/download',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the change'), kinds }),
  result: z.looseObject({ urls: z.array(z.string()) }),
  reasons: reasons('changeNotFound', 'segmentNotFound', 'failedToDownloadRecordsFromClient'),
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Records

/** The client keeps the nulls of `records` (wire.md §5). */
export const fetchRecords = defineEndpoint({
  name: 'segmentation.fetchRecords',
  method: 'POST',
  path: '/segmentation/records/fetch',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: req(uuid, 'Model that holds the records'),
    ids: req(z.array(z.string().min(1)), 'Ids of the records to fetch, comma-separated'),
    resetCache: opt(z.boolean(), 'Read the records afresh instead of from the cache'),
  }),
  result: z.looseObject({ records }),
  reasons: reasons('invalidFilter'),
  keepNulls: ['records'],
  idempotent: true,
})
