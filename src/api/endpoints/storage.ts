/**
 * The storage endpoints (wire.md §18): one entry per HTTP call of the `storage` commands. Payload keys
 * are the API's; each becomes a flag (kebab-cased). See spec/commands/storage.json.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { jsonObject, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import {
  additionalColumn,
  dataset,
  model,
  modelColumn,
  modelScheduleInput,
  modelUnification,
  position,
  queryExportFormat,
  recordSort,
  relationship,
  relationshipInput,
  storageColumn,
  storageRecord,
  storageRun,
  storageRunStatus,
} from '../schemas/storage.js'

const count = z.int().nonnegative()

// ---------------------------------------------------------------------------------------------
// Reason codes: one message per code, picked per call (a few calls word a code their own way)

const messages = {
  modelNotFound: 'No model with this UUID exists in the workspace.',
  datasetNotFound: 'The dataset of this model (or the given dataset) could not be found.',
  modelNotCompatible: 'This operation is not supported for this kind of model.',
  connectorNotFound: 'The connector behind this model could not be found.',
  integrationNotFound: 'The integration behind this model could not be found.',
  integrationNotCompatible: 'The integration does not support this operation.',
  failedToSchedule: 'The sync schedule of the model could not be set up.',
  folderNotFound: 'The folder could not be found.',
  folderNotCompatible: 'This folder cannot hold models.',
  scheduleNotCompatible: 'This model cannot be synced on a schedule.',
  scheduleIntervalTooShort: 'The schedule would sync more often than this model permits.',
  invalidConfig: 'The model configuration is not valid.',
  hasSegments: 'The model still has segments; remove them first.',
  hasWorkflows: 'The model is still used by workflows (plays/tools); remove or update them first.',
  alreadySyncing: 'The model is already syncing.',
  failedToSyncFromClient: 'Syncing the model from the system of record failed.',
  clientNotFound: 'No system-of-record client is configured for this workspace.',
  failedToGetDdl: 'The DDL of this model could not be generated.',
  columnNotFound: 'The model has no column with this slug.',
  aiExpressionNotAllowed: 'AI-driven expressions cannot be used for this column.',
  invalidRelationship: 'The relationship the column refers to is not valid for this model.',
  invalidIndex: "The target index is outside the model's column range.",
  relationshipNotFound: 'No relationship with this UUID exists.',
  invalidRelationships: 'The relationship definitions are not valid.',
  failedToRefreshModel: 'Refreshing the model before reading failed.',
  failedToFetchRecords: 'The records could not be fetched.',
  failedToFetchRecord: 'The record could not be fetched.',
  recordNotFound: 'No record with this id exists in the model.',
  incompatibleWithRecordAction: 'This model does not accept this record operation.',
  notEnoughCredits: 'The workspace does not have enough credits.',
  alreadyRunning: 'A sync run is already in progress for this model.',
  upToDate: 'The model is already up to date.',
  modelIsPaused: 'The model is paused.',
  runNotFound: 'No storage run with this UUID exists.',
  runAlreadyFinished: 'The run has already finished.',
} as const

type Code = keyof typeof messages

function reasons(codes: Code[], reworded: Partial<Record<Code | 'duplicateSlug', string>> = {}): Record<string, string> {
  return { ...Object.fromEntries(codes.map((code) => [code, messages[code]])), ...reworded }
}

const recordWriteCodes: Code[] = [
  'modelNotFound',
  'datasetNotFound',
  'connectorNotFound',
  'integrationNotFound',
  'integrationNotCompatible',
  'incompatibleWithRecordAction',
  'notEnoughCredits',
]
const scheduleCodes: Code[] = ['failedToSchedule', 'folderNotFound', 'folderNotCompatible', 'scheduleNotCompatible', 'scheduleIntervalTooShort']
const previewCodes: Code[] = ['datasetNotFound', 'modelNotCompatible', 'connectorNotFound', 'integrationNotFound', 'integrationNotCompatible']

// ---------------------------------------------------------------------------------------------
// Fields shared by several calls

const uuidArg = (what: string) => req(uuid, `UUID of the ${what}`)
const modelUuid = (role: string) => req(uuid, `UUID of the model ${role}`)
const recordId = req(z.string().min(1), 'Id of the record (its _id)')
const recordData = req(jsonObject, 'Values of the record as a JSON object, keyed by column slug')
const configField = (what: string) => req(jsonObject, `Extractor configuration ${what}, as a JSON object`)
const columnDescription =
  'Column as one JSON object: {slug, type: string|number|boolean|date|object|array|vector|any, label, description?, kind, ...}; by kind: custom (nothing more), computed {expression: {kind, expression, instructTo, fromRecipe}, columnsUsed?}, metric {relationshipUuid, aggregation: {function, columnSlug}, filter?}, lookup {join: {toModelUuid, fromColumnSlug, toColumnSlug}, extractColumnSlug, filter?}'
const scheduleDescription = 'Sync schedule as JSON: {"type":"cron","cron":"<expression>"} or {"type":"dbt","jobId":"<id>"}'
const sqlField = req(z.string().min(1), 'SQL text; tables are named <datasetSlug>.<modelSlug> (e.g. default.companies)')
const isRefreshing = z.boolean()

// ---------------------------------------------------------------------------------------------
// Datasets

export const listDatasets = defineEndpoint({
  name: 'storage.listDatasets',
  method: 'GET',
  path: '/storage/datasets/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ datasets: z.array(dataset) }),
  reasons: {},
})

export const getDataset = defineEndpoint({
  name: 'storage.getDataset',
  method: 'GET',
  path: '/storage/datasets/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('dataset') }),
  result: z.looseObject({ dataset }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Models

/** Takes no filter: `model list --dataset-uuid` filters on the client (wire.md §19.10). */
export const listModels = defineEndpoint({
  name: 'storage.listModels',
  method: 'GET',
  path: '/storage/models/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ models: z.array(model) }),
  reasons: {},
})

export const getModel = defineEndpoint({
  name: 'storage.getModel',
  method: 'GET',
  path: '/storage/models/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('model') }),
  result: z.looseObject({ model }),
  reasons: reasons(['modelNotFound', 'datasetNotFound']),
})

export const getModelDdl = defineEndpoint({
  name: 'storage.getModelDdl',
  method: 'GET',
  path: '/storage/models/{uuid}/ddl',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('model') }),
  result: z.looseObject({ ddl: z.string(), language: z.string() }),
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'clientNotFound', 'failedToGetDdl'], {
    clientNotFound: 'No system-of-record client is configured for this workspace, so no DDL can be produced.',
  }),
})

export const createModel = defineEndpoint({
  name: 'storage.createModel',
  method: 'POST',
  path: '/storage/models',
  payloadIn: 'body',
  payload: z.object({
    slug: req(z.string().min(1), 'Slug of the new model, unique in its dataset; it names the warehouse table'),
    name: req(z.string().min(1), 'Name shown for the model'),
    description: opt(z.string(), 'What the model holds'),
    datasetUuid: req(uuid, 'Dataset the model goes into'),
    extractorSlug: req(z.string().min(1), 'Extractor that loads the records (depends on the integration)'),
    config: configField('of the new model'),
    schedule: opt(modelScheduleInput, scheduleDescription),
    folderUuid: opt(uuid, 'Folder (of kind model) to put the model in'),
  }),
  result: z.looseObject({ model }),
  reasons: reasons(['datasetNotFound', 'modelNotCompatible', 'connectorNotFound', 'integrationNotCompatible', 'integrationNotFound', ...scheduleCodes], {
    duplicateSlug: 'Another model in this dataset already uses this slug.',
  }),
})

export const updateModel = defineEndpoint({
  name: 'storage.updateModel',
  method: 'PUT',
  path: '/storage/models/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('model to change'),
    name: opt(z.string().min(1), 'New name'),
    description: optNull(z.string(), 'New description (null removes it)'),
    position: opt(position, 'Place of the model on the canvas, as JSON: {"x": 0, "y": 0}'),
    config: opt(jsonObject, 'New extractor configuration, as a JSON object'),
    unification: optNull(
      modelUnification,
      'Unification as JSON: {"source":"integration"} or {"source":"custom", type: account|contact|accountEvent|contactEvent, uniqueColumns: [{slug, reference}], ...}; null removes it',
    ),
    schedule: optNull(modelScheduleInput, `${scheduleDescription}; null removes the schedule`),
    folderUuid: optNull(uuid, 'Folder to move the model to (null takes it out of its folder)'),
  }),
  result: z.looseObject({ model }),
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'connectorNotFound', 'integrationNotFound', ...scheduleCodes]),
})

/** The API client sends `{}` as the body of this DELETE (wire.md §2). */
export const removeModel = defineEndpoint({
  name: 'storage.removeModel',
  method: 'DELETE',
  path: '/storage/models/{uuid}',
  payloadIn: 'body',
  payload: z.object({ uuid: uuidArg('model to delete') }),
  result: voidResult,
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'modelNotCompatible', 'connectorNotFound', 'integrationNotFound', 'invalidConfig', 'hasSegments', 'hasWorkflows']),
})

export const refreshModel = defineEndpoint({
  name: 'storage.refreshModel',
  method: 'POST',
  path: '/storage/models/{uuid}/refresh',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('model to sync again') }),
  result: z.looseObject({ model, isRefreshing }),
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'connectorNotFound', 'integrationNotFound', 'alreadySyncing', 'failedToSyncFromClient']),
})

export const modelExistsBySlug = defineEndpoint({
  name: 'storage.modelExistsBySlug',
  method: 'GET',
  path: '/storage/models/existsBySlug',
  payloadIn: 'query',
  payload: z.object({
    slug: req(z.string().min(1), 'Model slug to look for'),
    datasetUuid: req(uuid, 'Dataset to look in'),
  }),
  result: z.looseObject({ exists: z.boolean() }),
  reasons: {},
})

const previewPayload = z.object({
  datasetUuid: req(uuid, 'Dataset the model would go into'),
  slug: req(z.string().min(1), 'Slug the API expects next to the configuration'),
  config: configField('to try'),
})

export const previewModel = defineEndpoint({
  name: 'storage.previewModel',
  method: 'POST',
  path: '/storage/models/preview',
  payloadIn: 'body',
  payload: previewPayload,
  result: z.looseObject({ records: z.array(storageRecord), columns: z.array(storageColumn), count: z.number().optional() }),
  reasons: reasons(previewCodes),
  idempotent: true,
})

export const previewModelCount = defineEndpoint({
  name: 'storage.previewModelCount',
  method: 'POST',
  path: '/storage/models/previewCount',
  payloadIn: 'body',
  payload: previewPayload,
  result: z.looseObject({ count: z.number() }),
  reasons: reasons(previewCodes),
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Columns (identified by slug within their model; the calls answer nothing but the list ones)

/** Column slugs only, where the docs show objects (wire.md §19.9). */
export const listColumns = defineEndpoint({
  name: 'storage.listColumns',
  method: 'GET',
  path: '/storage/columns/list',
  payloadIn: 'query',
  payload: z.object({ modelUuid: modelUuid('whose columns to list') }),
  result: z.looseObject({ columns: z.array(z.string()) }),
  reasons: reasons(['clientNotFound', 'modelNotFound']),
})

export const createColumn = defineEndpoint({
  name: 'storage.createColumn',
  method: 'POST',
  path: '/storage/columns',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('to add the column to'),
    column: req(additionalColumn, columnDescription),
  }),
  result: voidResult,
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'aiExpressionNotAllowed', 'invalidRelationship'], {
    duplicateSlug: 'Another column of this model already uses this slug.',
  }),
})

export const updateColumn = defineEndpoint({
  name: 'storage.updateColumn',
  method: 'PUT',
  path: '/storage/columns',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('that owns the column'),
    column: req(modelColumn, `The whole new definition; its slug picks the column. ${columnDescription} (original columns too: {kind: "original", originalSlug})`),
  }),
  result: voidResult,
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'columnNotFound', 'aiExpressionNotAllowed', 'invalidRelationship']),
})

/** A DELETE with a JSON body (wire.md §2). */
export const removeColumn = defineEndpoint({
  name: 'storage.removeColumn',
  method: 'DELETE',
  path: '/storage/columns',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('that owns the column'),
    columnSlug: req(z.string().min(1), 'Slug of the column to delete'),
  }),
  result: voidResult,
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'columnNotFound']),
})

export const reorderColumn = defineEndpoint({
  name: 'storage.reorderColumn',
  method: 'PUT',
  path: '/storage/columns/reorder',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('that owns the column'),
    columnSlug: req(z.string().min(1), 'Slug of the column to move'),
    toIndex: req(count, 'New position of the column, counting from 0'),
  }),
  result: voidResult,
  reasons: reasons(['modelNotFound', 'columnNotFound', 'invalidIndex']),
})

export const columnExistsBySlug = defineEndpoint({
  name: 'storage.columnExistsBySlug',
  method: 'GET',
  path: '/storage/columns/existsBySlug',
  payloadIn: 'query',
  payload: z.object({
    modelUuid: modelUuid('to look in'),
    slug: req(z.string().min(1), 'Column slug to look for'),
  }),
  result: z.looseObject({ exists: z.boolean() }),
  reasons: {},
})

export const autocompleteColumn = defineEndpoint({
  name: 'storage.autocompleteColumn',
  method: 'POST',
  path: '/storage/columns/autocomplete',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('that owns the column'),
    column: req(modelColumn, `The column whose values to suggest. ${columnDescription} (original columns too)`),
    query: opt(z.string(), 'Text the suggested values should contain'),
  }),
  result: z.looseObject({ results: z.array(z.looseObject({ value: z.string(), label: z.string() })) }),
  reasons: reasons(['modelNotFound', 'datasetNotFound']),
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Relationships

/** Takes no filter: `relationship list --model-uuid` filters on the client (wire.md §19.10). */
export const listRelationships = defineEndpoint({
  name: 'storage.listRelationships',
  method: 'GET',
  path: '/storage/relationships/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ relationships: z.array(relationship) }),
  reasons: {},
})

export const getRelationship = defineEndpoint({
  name: 'storage.getRelationship',
  method: 'GET',
  path: '/storage/relationships/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('relationship') }),
  result: z.looseObject({ relationship }),
  reasons: reasons(['relationshipNotFound']),
})

/** Sets the whole relationship list of a dataset (the CLI's `relationship set` builds it, wire.md §19.10). */
export const setRelationships = defineEndpoint({
  name: 'storage.setRelationships',
  method: 'POST',
  path: '/storage/relationships',
  payloadIn: 'body',
  payload: z.object({
    datasetUuid: req(uuid, 'Dataset whose relationships are set'),
    relationships: req(
      z.array(relationshipInput),
      'Every relationship of the dataset, as a JSON array of {uuid?, fromModelUuid, fromColumnSlug, fromPropertySlug, toModelUuid, toColumnSlug, toPropertySlug, fromSelectedColumnSlugs, toSelectedColumnSlugs, relation}',
    ),
  }),
  result: z.looseObject({ relationships: z.array(relationship) }),
  reasons: reasons(['modelNotCompatible', 'invalidRelationships'], {
    datasetNotFound: 'The dataset could not be found.',
    modelNotCompatible: 'One of the models cannot take part in relationships.',
  }),
})

// ---------------------------------------------------------------------------------------------
// Storage runs (model syncs, not orchestration runs)

export const createRun = defineEndpoint({
  name: 'storage.createRun',
  method: 'POST',
  path: '/storage/runs',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('to sync'),
    isReset: opt(z.boolean(), "Empty the model's data before syncing"),
    isForce: opt(z.boolean(), 'Sync even when the model looks up to date'),
  }),
  result: z.looseObject({ run: storageRun }),
  reasons: reasons(
    ['modelNotFound', 'datasetNotFound', 'integrationNotFound', 'connectorNotFound', 'notEnoughCredits', 'modelNotCompatible', 'alreadyRunning', 'upToDate', 'modelIsPaused'],
    { modelNotCompatible: 'This model cannot be refreshed by a run.' },
  ),
})

export const listRuns = defineEndpoint({
  name: 'storage.listRuns',
  method: 'GET',
  path: '/storage/runs/list',
  payloadIn: 'query',
  payload: z.object({
    modelUuid: opt(uuid, 'Only sync runs of this model'),
    statuses: opt(z.array(storageRunStatus), 'Sync run statuses to keep, comma-separated'),
    limit: opt(count, 'Maximum number of runs to return'),
    offset: opt(count, 'Number of runs to skip, for pagination'),
  }),
  result: z.looseObject({ runs: z.array(storageRun) }),
  reasons: {},
})

export const cancelRun = defineEndpoint({
  name: 'storage.cancelRun',
  method: 'POST',
  path: '/storage/runs/{uuid}/cancel',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('sync run to cancel') }),
  result: voidResult,
  reasons: reasons(['runNotFound', 'runAlreadyFinished']),
})

// ---------------------------------------------------------------------------------------------
// Records of a model

export const listRecords = defineEndpoint({
  name: 'storage.listRecords',
  method: 'POST',
  path: '/storage/records/list',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('to read'),
    fromIngest: opt(z.boolean(), 'Read the ingest side of the model (an API switch the docs do not explain)'),
    limit: opt(count, 'Maximum number of records to return'),
    offset: opt(count, 'Number of records to skip, for pagination'),
    sort: opt(recordSort, 'Order as JSON: {"kind":"asc"|"desc","columnSlug":"_id"|"_title"|"_emitted_at"} (system columns only)'),
  }),
  result: z.looseObject({ records: z.array(storageRecord), isRefreshing }),
  reasons: reasons([
    'modelNotFound',
    'datasetNotFound',
    'modelNotCompatible',
    'connectorNotFound',
    'integrationNotFound',
    'integrationNotCompatible',
    'invalidConfig',
    'failedToRefreshModel',
    'failedToFetchRecords',
  ]),
  idempotent: true,
})

export const getRecord = defineEndpoint({
  name: 'storage.getRecord',
  method: 'GET',
  path: '/storage/records/get',
  payloadIn: 'query',
  payload: z.object({ modelUuid: modelUuid('to read'), id: recordId }),
  result: z.looseObject({ record: storageRecord, isRefreshing }),
  reasons: reasons(['modelNotFound', 'datasetNotFound', 'failedToRefreshModel', 'recordNotFound', 'failedToFetchRecord']),
})

export const createRecord = defineEndpoint({
  name: 'storage.createRecord',
  method: 'POST',
  path: '/storage/records/create',
  payloadIn: 'body',
  payload: z.object({ modelUuid: modelUuid('to add the record to'), data: recordData }),
  result: z.looseObject({ record: storageRecord }),
  reasons: reasons([...recordWriteCodes, 'recordNotFound']),
})

export const createRecordsBulk = defineEndpoint({
  name: 'storage.createRecordsBulk',
  method: 'POST',
  path: '/storage/records/createBulk',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('to add the records to'),
    records: req(z.array(z.looseObject({ data: jsonObject })), 'Records as a JSON array of {"data": {...}} objects'),
  }),
  result: z.looseObject({ records: z.array(storageRecord) }),
  reasons: reasons(recordWriteCodes),
})

export const updateRecord = defineEndpoint({
  name: 'storage.updateRecord',
  method: 'PUT',
  path: '/storage/records/update',
  payloadIn: 'body',
  payload: z.object({ modelUuid: modelUuid('that holds the record'), id: recordId, data: req(jsonObject, 'Values to write, as a JSON object keyed by column slug') }),
  result: z.looseObject({ record: storageRecord }),
  reasons: reasons([...recordWriteCodes, 'recordNotFound']),
})

export const updateRecordsBulk = defineEndpoint({
  name: 'storage.updateRecordsBulk',
  method: 'PUT',
  path: '/storage/records/updateBulk',
  payloadIn: 'body',
  payload: z.object({
    modelUuid: modelUuid('that holds the records'),
    records: req(z.array(z.looseObject({ id: z.string().min(1), data: jsonObject })), 'Changes as a JSON array of {"id": "...", "data": {...}} objects'),
  }),
  result: z.looseObject({ records: z.array(storageRecord) }),
  reasons: reasons(recordWriteCodes),
})

/** A DELETE with a JSON body (wire.md §2). */
export const removeRecord = defineEndpoint({
  name: 'storage.removeRecord',
  method: 'DELETE',
  path: '/storage/records/remove',
  payloadIn: 'body',
  payload: z.object({ modelUuid: modelUuid('that holds the record'), id: recordId }),
  result: voidResult,
  reasons: reasons(recordWriteCodes),
})

/** A DELETE with a JSON body (wire.md §2). */
export const removeRecordsBulk = defineEndpoint({
  name: 'storage.removeRecordsBulk',
  method: 'DELETE',
  path: '/storage/records/removeBulk',
  payloadIn: 'body',
  payload: z.object({ modelUuid: modelUuid('that holds the records'), ids: req(z.array(z.string().min(1)), 'Ids of the records to delete, comma-separated') }),
  result: voidResult,
  reasons: reasons(recordWriteCodes),
})

// ---------------------------------------------------------------------------------------------
// SQL over the workspace storage

export const executeQuery = defineEndpoint({
  name: 'storage.executeQuery',
  method: 'POST',
  path: '/storage/query',
  payloadIn: 'body',
  payload: z.object({ query: sqlField }),
  result: z.looseObject({ rows: z.array(jsonObject), isRefreshing }),
  reasons: reasons([], { clientNotFound: 'No system-of-record client is available to run this query.' }),
  idempotent: true,
})

/** Answers signed URL(s) of the export; the CLI streams them (DESIGN.md downloads). */
export const downloadQuery = defineEndpoint({
  name: 'storage.downloadQuery',
  method: 'POST',
  path: '/storage/query/download',
  payloadIn: 'body',
  payload: z.object({
    query: sqlField,
    format: opt(queryExportFormat, 'File format of the export (the API makes csv by default)'),
  }),
  result: z.looseObject({ urls: z.array(z.string()), isRefreshing }),
  reasons: reasons([], { clientNotFound: 'No system-of-record client is available to run this query.' }),
  idempotent: true,
})
