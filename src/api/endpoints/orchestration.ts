/**
 * The orchestration endpoints (wire.md §18): one entry per HTTP call of the
 * `orchestration` commands. Every payload key becomes a flag (kebab-cased); see
 * spec/commands/orchestration.json for the commands that use them.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { changeKind, filter, isoDate, json, jsonObject, sort, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req, reqNull } from '../schemas/fields.js'
import {
  action,
  batch,
  batchDataKind,
  batchPreviewColumn,
  batchStatus,
  computeNodeResult,
  createBatchData,
  executeNodeResult,
  executionStatus,
  executionsFilter,
  getRunResult,
  node,
  nodeKind,
  nodes,
  orchestrationRecord,
  outputFormat,
  play,
  playRunCreationRule,
  playScheduleInput,
  playScheduleType,
  previewBatchData,
  recordMetric,
  recordStatus,
  release,
  releaseFormField,
  releaseOptions,
  releaseStatus,
  releaseTestRecord,
  run,
  runMetric,
  runStatus,
  span,
  template,
  templateKind,
  templateSettings,
  tool,
  toolIcon,
  toolPublicForm,
  toolTriggerInput,
  trace,
  traceStatus,
  validateNodesResult,
  workflow,
} from '../schemas/orchestration.js'

const count = z.int().nonnegative()
const url = z.looseObject({ url: z.string() })
const countResult = z.looseObject({ count: z.number() })

// ---------------------------------------------------------------------------------------------
// Fields shared by several calls

const workflowUuidRequired = req(uuid, 'UUID of the workflow (the workflowUuid of a play or tool)')
const workflowUuidFilter = opt(uuid, 'Only items of this workflow (the workflowUuid of a play or tool)')
const uuidArg = (what: string) => req(uuid, `UUID of the ${what}`)

const filters = {
  userUuid: opt(uuid, 'Only items started by this user'),
  batchUuid: opt(uuid, 'Only items that belong to this batch'),
  releaseUuid: opt(uuid, 'Only items executed with this release'),
  parentBatchUuid: opt(uuid, 'Only children of this parent batch (group loops)'),
  parentUuid: opt(uuid, 'Only child runs of this parent run'),
  parentRunUuid: opt(uuid, 'Only children of this parent run'),
  parentNodeUuid: opt(uuid, 'Only children started by this node of the parent run'),
  isGroupParent: opt(z.boolean(), 'Whether the item started a group loop'),
  recordId: opt(z.string(), 'Only runs of this record ID'),
  recordTitle: opt(z.string(), 'Only runs whose record title matches this text'),
  recordTitleOrId: opt(z.string(), 'Match this text against the record title or the record ID'),
  isFinished: opt(z.boolean(), 'Whether the item has reached a final status'),
  runStatuses: opt(z.array(runStatus), 'Run statuses to keep, comma-separated'),
  recordStatuses: opt(z.array(recordStatus), 'Record statuses to keep, comma-separated'),
  ids: opt(z.array(z.string()), 'Record IDs, comma-separated'),
  runUuids: opt(z.array(uuid), 'Run UUIDs, comma-separated'),
  title: opt(z.string(), 'Only records whose title matches this text'),
  titleOrId: opt(z.string(), 'Match this text against the record title or the record ID'),
  executionsFilter: opt(
    executionsFilter,
    'Filter on node executions, as JSON: {conjonction: and|or, groups: [{conjonction, conditions: [{kind: "node", nodeSlug, status: absent|pending|success|error, value?}]}]}; value is searched in the node title (success) or error message (error)',
  ),
  createdAfter: opt(isoDate, 'Created at or after this date (ISO date or datetime)'),
  createdBefore: opt(isoDate, 'Created before this date (ISO date or datetime)'),
  updatedAfter: opt(isoDate, 'Updated at or after this date (ISO date or datetime)'),
  updatedBefore: opt(isoDate, 'Updated before this date (ISO date or datetime)'),
  limit: opt(count, 'Maximum number of items to return'),
  offset: opt(count, 'Number of items to skip, for pagination'),
  outputNodeSlug: opt(z.string().min(1), 'Slug of the node whose output is exported (see release get: nodes[].slug)'),
  format: opt(outputFormat, 'File format of the export'),
} as const

const actionField = req(
  action,
  'The action as JSON (as action list prints it): {kind: native|connector|tool|agent, retry?} plus, by kind, actionSlug (native), integrationSlug + actionSlug + optional connectorUuid (connector), toolUuid, templateSlug or releaseUuid (tool), agentUuid, templateSlug or releaseUuid (agent); no config: inputs go in the data',
)
const nodesDescription =
  'Node graph as a JSON array ({uuid, slug, kind: native|connector|tool|agent, config, childrenUuids, fallbackOnFailure, position, ...}); it needs a start and an end node'
const nodeField = req(node, 'A single node as a JSON object ({uuid, slug, kind, config, childrenUuids, ...})')
const contextField = req(jsonObject, 'Runtime context as JSON, e.g. {"nodes":{"start":{"domain":"acme.com"}}}')
const groupContextField = opt(jsonObject, 'Context of the enclosing group loop (parentNodes) as JSON, for nodes inside a group')
const formFieldsDescription =
  'Form fields as a JSON array ([{slug, name, kind: string|number|boolean|any|date|enum|array, description?, placeholder?, isRequired?, enum?, fields?}]), or null'
const releaseOptionsField = opt(
  releaseOptions,
  'Remapping as JSON: {connectorUuidsByIntegrationSlug?: {slug: uuid}, modelUuidsByIntegrationSlug?: {slug: uuid}}',
)
const templateSettingsField = opt(templateSettings, 'Publication as a template, as JSON: {isAvailable: boolean, scope: public|private}')
const sortDescription = 'Sort order as a JSON array: [{columnSlug, kind: asc|desc}]'
const scheduleDescription =
  'Schedule as JSON: {type:"cron", cron} | {type:"dbt", jobId} | {type:"realtime"} | {type:"dependency", playUuid} | {type:"watch"}'
const toolIconDescription = 'Icon as JSON: {kind:"emoji", emojiSlug} or {kind:"raw", data}'
const triggersField = opt(
  z.array(toolTriggerInput),
  'Cron triggers as a JSON array: [{type:"cron", name, description, cron, data: {...}}]',
)

// ---------------------------------------------------------------------------------------------
// Payload rules the API enforces

type Refinement = { addIssue: (issue: { code: 'custom'; message: string; path?: PropertyKey[] }) => void }

/** run create / batch create: a release and a custom graph exclude each other; no workflow needs a graph. */
function releaseOrNodes(value: { workflowUuid?: string; releaseUuid?: string; nodes?: unknown[] }, ctx: Refinement) {
  if (value.releaseUuid !== undefined && value.nodes !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'releaseUuid and nodes cannot be combined: pin a release, or run a custom node graph',
      path: ['nodes'],
    })
  }
  if (value.workflowUuid === undefined && value.nodes === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'give a workflowUuid, or nodes to run an ad-hoc graph',
      path: ['workflowUuid'],
    })
  }
}

/** run cancel / record cancel: either an explicit list or filters, never both. */
function listOrFilters(listKey: 'uuids' | 'ids') {
  return (value: Record<string, unknown>, ctx: Refinement) => {
    if (value[listKey] === undefined) return
    const mixed = Object.keys(value).filter((k) => k !== listKey && k !== 'workflowUuid' && value[k] !== undefined)
    if (mixed.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${listKey} cannot be combined with filters (${mixed.join(', ')}): cancel a list of ${listKey}, or everything matching the filters`,
        path: [listKey],
      })
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Actions

export const executeAction = defineEndpoint({
  name: 'orchestration.executeAction',
  method: 'POST',
  path: '/orchestration/actions/execute',
  payloadIn: 'body',
  payload: z.object({
    action: actionField,
    // the API requires the key; the command sends {} when --data is left out
    data: opt(jsonObject, 'Input record as a JSON object (default {}, e.g. for search actions that take no input)'),
  }),
  result: z.looseObject({ run }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    invalidReleaseOrCustomNodes: 'The release / custom node graph combination is not valid (for example both a release and custom nodes were given).',
    nodesNotFound: 'The workflow\'s nodes could not be loaded.',
    invalidData: 'The input data is not valid.',
    rootNodeNotFound: 'The node graph has no start node.',
    failedToStart: 'The execution could not be started.',
    notEnoughCredits: 'The workspace has run out of credits.',
    concurrencyLimitReached: 'Too many executions are running at the same time; try again later.',
    playNotCompatible: 'Play workflows cannot be used through action execution.',
  },
})

export const executeActionBatch = defineEndpoint({
  name: 'orchestration.executeActionBatch',
  method: 'POST',
  path: '/orchestration/actions/execute-batch',
  payloadIn: 'body',
  payload: z.object({
    action: actionField,
    records: req(z.array(jsonObject), 'Input records as a JSON array of objects'),
    webhookUrl: opt(z.string().min(1), 'URL to call when the batch is done (instead of polling)'),
    webhookSecret: opt(z.string(), 'Secret sent with the webhook call so that the receiver can verify it'),
  }),
  result: z.looseObject({ batch }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    invalidReleaseOrCustomNodes: 'The release / custom node graph combination is not valid (for example both a release and custom nodes were given).',
    nodesNotFound: 'The workflow\'s nodes could not be loaded.',
    invalidDataKind: 'This data kind is not allowed for this workflow type (plays: segment, change, filter, recordIds; tools: file, records).',
    rootNodeNotFound: 'The node graph has no start node.',
    failedToStart: 'The execution could not be started.',
    notEnoughCredits: 'The workspace has run out of credits.',
    dataError: 'The records are not valid.',
  },
})

export const getActionOutputSchema = defineEndpoint({
  name: 'orchestration.getActionOutputSchema',
  method: 'POST',
  path: '/orchestration/actions/get-output-schema',
  payloadIn: 'body',
  payload: z.object({
    action: actionField,
    data: opt(jsonObject, 'The inputs, as action execute takes them, for actions whose output depends on them (e.g. a HubSpot object type)'),
  }),
  result: z.looseObject({ schema: jsonObject }),
  reasons: {
    integrationNotFound: 'No integration matches this slug.',
    connectorNotFound: 'No connector matches this UUID.',
    actionNotFound: 'The integration has no action with this slug.',
    releaseNotFound: 'No release matches.',
    actionHasNoOutput: 'This action does not declare an output schema.',
    failedToGetSchema: 'The output schema could not be worked out.',
  },
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Batches

export const createBatch = defineEndpoint({
  name: 'orchestration.createBatch',
  method: 'POST',
  path: '/orchestration/batches',
  payloadIn: 'body',
  payload: z
    .object({
      workflowUuid: opt(uuid, 'Workflow to run (the workflowUuid of a play or tool); leave out to run only the nodes'),
      releaseUuid: opt(uuid, 'Run this release of the workflow (cannot be combined with nodes)'),
      nodes: opt(nodes, `${nodesDescription}; used instead of the deployed release, for this batch only`),
      data: req(
        createBatchData,
        'Batch input as JSON, by kind: segment {segmentUuid}; change {changeUuid, changeKinds}; filter {modelUuid, filter?, sort?, limit?}; recordIds {modelUuid, ids}; file {s3Filename, mappings?}; records {records}; also runs, schedule and form',
      ),
    })
    .superRefine(releaseOrNodes),
  result: z.looseObject({ batch }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    invalidReleaseOrCustomNodes: 'The release / custom node graph combination is not valid (for example both a release and custom nodes were given).',
    invalidDataKind: 'This data kind is not allowed for this workflow type (plays: segment, change, filter, recordIds; tools: file, records).',
    nodesNotFound: 'The workflow\'s nodes could not be loaded.',
    rootNodeNotFound: 'The node graph has no start node.',
    failedToStart: 'The execution could not be started.',
    notEnoughCredits: 'The workspace has run out of credits.',
    dataError: 'The batch data was rejected; the detailed cause is in the response\'s dataError.reason (see the dataError.* entries).',
    'dataError.failedToGetSegment': 'The segment could not be loaded.',
    'dataError.segmentLinkedToPlay': 'This segment belongs to a play and cannot be enrolled on its own; trigger the play with data {"kind":"filter","modelUuid":"<uuid>"} instead.',
    'dataError.noRecords': 'No records were selected.',
    'dataError.failedToGetSegmentChange': 'The segment change could not be loaded.',
    'dataError.invalidChange': 'The segment change is not valid.',
    'dataError.invalidChangeKinds': 'The change kinds are not valid.',
    'dataError.invalidData': 'The data is not valid.',
  },
})

export const getBatch = defineEndpoint({
  name: 'orchestration.getBatch',
  method: 'GET',
  path: '/orchestration/batches/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('batch') }),
  result: z.looseObject({ batch }),
  reasons: {},
})

export const listBatches = defineEndpoint({
  name: 'orchestration.listBatches',
  method: 'GET',
  path: '/orchestration/batches/list',
  payloadIn: 'query',
  payload: z.object({
    workflowUuids: opt(z.array(uuid), 'Only batches of these workflows, comma-separated UUIDs'),
    releaseUuid: filters.releaseUuid,
    parentBatchUuid: filters.parentBatchUuid,
    parentRunUuid: filters.parentRunUuid,
    parentNodeUuid: filters.parentNodeUuid,
    statuses: opt(z.array(batchStatus), 'Batch statuses to keep, comma-separated'),
    hasRuns: opt(z.boolean(), 'Whether the batch created any run'),
    isSkipped: opt(z.boolean(), 'Whether the batch was skipped'),
    isFinished: opt(z.boolean(), 'Whether the batch has reached a final status'),
    includedDataKinds: opt(z.array(batchDataKind), 'Only batches whose data kind is one of these, comma-separated'),
    excludedDataKinds: opt(z.array(batchDataKind), 'Leave out batches whose data kind is one of these, comma-separated'),
    limit: filters.limit,
    offset: filters.offset,
  }),
  result: z.looseObject({ batches: z.array(batch) }),
  reasons: {},
})

export const cancelBatch = defineEndpoint({
  name: 'orchestration.cancelBatch',
  method: 'POST',
  path: '/orchestration/batches/{uuid}/cancel',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('batch') }),
  result: voidResult,
  reasons: {
    batchNotFound: 'No batch matches this UUID.',
    batchAlreadyFinished: 'The batch has already finished.',
    failedToStart: 'The batch could not be cancelled.',
  },
})

/** Returns a signed URL; the CLI fetches it (spec steps). */
export const downloadBatch = defineEndpoint({
  name: 'orchestration.downloadBatch',
  method: 'POST',
  path: '/orchestration/batches/{uuid}/download',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('batch'),
    outputNodeSlug: filters.outputNodeSlug,
  }),
  result: url,
  reasons: {
    batchNotFound: 'No batch matches this UUID.',
    batchNotFinished: 'The batch has not finished yet.',
    batchNotSupported: 'This batch cannot be downloaded.',
  },
})

export const previewBatch = defineEndpoint({
  name: 'orchestration.previewBatch',
  method: 'POST',
  path: '/orchestration/batches/preview',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    data: req(
      previewBatchData,
      'Batch input to preview, as JSON, by kind: segment {segmentUuid}; change {changeUuid, changeKinds}; filter {modelUuid, filter?, sort?, limit?}; recordIds {modelUuid, ids}; file {s3Filename}; records {records}; runs {runUuids, reset}; group {items, parentRunUuid, parentNodeUuid}; schedule {modelUuid, segmentUuid, changeKinds}',
    ),
  }),
  result: z.looseObject({
    records: z.array(jsonObject),
    columns: z.array(batchPreviewColumn),
    count: z.number(),
  }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    segmentNotFound: 'No segment matches this UUID.',
    modelLinkedToWorkflow: 'The workflow is tied to a model (a play), so this data kind does not apply.',
    noModelLinkedToWorkflow: 'The workflow has no model (a tool), so this data kind does not apply.',
    failedToFetchFromClient: 'The records could not be fetched from the data source.',
  },
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Runs

export const createRun = defineEndpoint({
  name: 'orchestration.createRun',
  method: 'POST',
  path: '/orchestration/runs',
  payloadIn: 'body',
  payload: z
    .object({
      workflowUuid: opt(uuid, 'Tool workflow to run (tool.workflowUuid); leave out to run only the nodes'),
      releaseUuid: opt(uuid, 'Run this release of the workflow (cannot be combined with nodes)'),
      nodes: opt(nodes, `${nodesDescription}; used instead of the deployed release, for this run only`),
      data: req(jsonObject, 'Input record as a JSON object'),
    })
    .superRefine(releaseOrNodes),
  result: z.looseObject({ run }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    invalidReleaseOrCustomNodes: 'The release / custom node graph combination is not valid (for example both a release and custom nodes were given).',
    nodesNotFound: 'The workflow\'s nodes could not be loaded.',
    invalidData: 'The input data is not valid.',
    rootNodeNotFound: 'The node graph has no start node.',
    failedToStart: 'The execution could not be started.',
    notEnoughCredits: 'The workspace has run out of credits.',
    concurrencyLimitReached: 'Too many executions are running at the same time; try again later.',
    playNotCompatible: 'Play workflows cannot be run one record at a time; use batch create.',
  },
})

/** Also the poll behind `run create --wait-until-finished` and `run wait`. */
export const getRun = defineEndpoint({
  name: 'orchestration.getRun',
  method: 'GET',
  path: '/orchestration/runs/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('run') }),
  result: getRunResult,
  reasons: {},
  keepNulls: ['runContext', 'runComputedConfigs'],
})

const runListFilters = {
  workflowUuid: workflowUuidFilter,
  userUuid: filters.userUuid,
  batchUuid: filters.batchUuid,
  releaseUuid: filters.releaseUuid,
  statuses: filters.runStatuses,
  parentBatchUuid: filters.parentBatchUuid,
  parentUuid: filters.parentUuid,
  parentNodeUuid: filters.parentNodeUuid,
  isGroupParent: filters.isGroupParent,
  recordId: filters.recordId,
  recordTitle: filters.recordTitle,
  recordTitleOrId: filters.recordTitleOrId,
  isFinished: filters.isFinished,
  executionsFilter: filters.executionsFilter,
  createdAfter: filters.createdAfter,
  createdBefore: filters.createdBefore,
  updatedAfter: filters.updatedAfter,
  updatedBefore: filters.updatedBefore,
}

export const listRuns = defineEndpoint({
  name: 'orchestration.listRuns',
  method: 'POST',
  path: '/orchestration/runs/list',
  payloadIn: 'body',
  payload: z.object({ ...runListFilters, limit: filters.limit, offset: filters.offset }),
  result: z.looseObject({ runs: z.array(run), count: z.number() }),
  reasons: {},
  idempotent: true,
})

export const countRuns = defineEndpoint({
  name: 'orchestration.countRuns',
  method: 'POST',
  path: '/orchestration/runs/count',
  payloadIn: 'body',
  payload: z.object(runListFilters),
  result: countResult,
  reasons: {},
  idempotent: true,
})

export const cancelRuns = defineEndpoint({
  name: 'orchestration.cancelRuns',
  method: 'POST',
  path: '/orchestration/runs/cancel',
  payloadIn: 'body',
  payload: z
    .object({
      workflowUuid: workflowUuidRequired,
      uuids: opt(z.array(uuid), 'Runs to cancel, comma-separated UUIDs (not combinable with the filters)'),
      recordId: filters.recordId,
      recordTitle: filters.recordTitle,
      recordTitleOrId: filters.recordTitleOrId,
      releaseUuid: filters.releaseUuid,
      batchUuid: filters.batchUuid,
      parentBatchUuid: filters.parentBatchUuid,
      parentUuid: filters.parentUuid,
      parentNodeUuid: filters.parentNodeUuid,
      isGroupParent: filters.isGroupParent,
      executionsFilter: filters.executionsFilter,
      createdAfter: filters.createdAfter,
      createdBefore: filters.createdBefore,
    })
    .superRefine(listOrFilters('uuids')),
  result: voidResult,
  reasons: {
    failedToStart: 'The runs could not be cancelled.',
  },
})

/** Returns a signed URL; the CLI fetches it (spec steps). */
export const downloadRuns = defineEndpoint({
  name: 'orchestration.downloadRuns',
  method: 'POST',
  path: '/orchestration/runs/download',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    uuids: opt(z.array(uuid), 'Only these runs, comma-separated UUIDs'),
    batchUuid: filters.batchUuid,
    releaseUuid: filters.releaseUuid,
    statuses: filters.runStatuses,
    parentBatchUuid: filters.parentBatchUuid,
    parentUuid: filters.parentUuid,
    parentNodeUuid: filters.parentNodeUuid,
    isGroupParent: filters.isGroupParent,
    recordId: filters.recordId,
    recordTitle: filters.recordTitle,
    recordTitleOrId: filters.recordTitleOrId,
    isFinished: filters.isFinished,
    executionsFilter: filters.executionsFilter,
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
    updatedAfter: filters.updatedAfter,
    updatedBefore: filters.updatedBefore,
  }),
  result: url,
  reasons: {},
})

export const getRunMetrics = defineEndpoint({
  name: 'orchestration.getRunMetrics',
  method: 'POST',
  path: '/orchestration/runs/metrics',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    releaseUuid: opt(uuid, 'Only runs of this release'),
    batchUuid: opt(uuid, 'Only runs of this batch'),
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
  }),
  result: z.looseObject({ runMetrics: z.array(runMetric) }),
  reasons: {},
  idempotent: true,
})

/** Returns a signed URL; the CLI fetches it (spec steps). */
export const downloadRunOutputs = defineEndpoint({
  name: 'orchestration.downloadRunOutputs',
  method: 'POST',
  path: '/orchestration/runs/download-outputs',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    outputNodeSlug: filters.outputNodeSlug,
    format: filters.format,
    batchUuid: filters.batchUuid,
    releaseUuid: filters.releaseUuid,
    statuses: filters.runStatuses,
    parentBatchUuid: filters.parentBatchUuid,
    parentUuid: filters.parentUuid,
    parentNodeUuid: filters.parentNodeUuid,
    isGroupParent: filters.isGroupParent,
    recordId: filters.recordId,
    recordTitle: filters.recordTitle,
    recordTitleOrId: filters.recordTitleOrId,
    isFinished: filters.isFinished,
    executionsFilter: filters.executionsFilter,
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
    limit: filters.limit,
    offset: filters.offset,
  }),
  result: url,
  reasons: {
    noRunsFound: 'No run matches these filters.',
    tooManyRuns: 'At most 10,000 runs can be exported at once; narrow the filters.',
  },
})

// ---------------------------------------------------------------------------------------------
// Records

const recordListFilters = {
  workflowUuid: workflowUuidRequired,
  userUuid: filters.userUuid,
  ids: filters.ids,
  title: filters.title,
  titleOrId: filters.titleOrId,
  releaseUuid: filters.releaseUuid,
  batchUuid: filters.batchUuid,
  statuses: filters.recordStatuses,
  parentBatchUuid: filters.parentBatchUuid,
  parentRunUuid: filters.parentRunUuid,
  parentNodeUuid: filters.parentNodeUuid,
  isGroupParent: filters.isGroupParent,
  executionsFilter: filters.executionsFilter,
  createdAfter: filters.createdAfter,
  createdBefore: filters.createdBefore,
  updatedAfter: filters.updatedAfter,
  updatedBefore: filters.updatedBefore,
}

export const listRecords = defineEndpoint({
  name: 'orchestration.listRecords',
  method: 'POST',
  path: '/orchestration/records/list',
  payloadIn: 'body',
  payload: z.object({ ...recordListFilters, limit: filters.limit, offset: filters.offset }),
  result: z.looseObject({ records: z.array(orchestrationRecord), count: z.number() }),
  reasons: {},
  idempotent: true,
})

export const countRecords = defineEndpoint({
  name: 'orchestration.countRecords',
  method: 'POST',
  path: '/orchestration/records/count',
  payloadIn: 'body',
  payload: z.object(recordListFilters),
  result: countResult,
  reasons: {},
  idempotent: true,
})

/** Statuses here are run statuses, as the API types them (unlike record list/count). */
const recordRunStatuses = opt(z.array(runStatus), 'Statuses to keep, comma-separated (run statuses, as the API expects here)')

/** Returns a signed URL; the CLI fetches it unless asked for the URL only. */
export const downloadRecords = defineEndpoint({
  name: 'orchestration.downloadRecords',
  method: 'POST',
  path: '/orchestration/records/download',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    ids: filters.ids,
    runUuids: filters.runUuids,
    title: filters.title,
    titleOrId: filters.titleOrId,
    releaseUuid: filters.releaseUuid,
    batchUuid: filters.batchUuid,
    statuses: recordRunStatuses,
    parentBatchUuid: filters.parentBatchUuid,
    parentRunUuid: filters.parentRunUuid,
    parentNodeUuid: filters.parentNodeUuid,
    isGroupParent: filters.isGroupParent,
    executionsFilter: filters.executionsFilter,
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
    updatedAfter: filters.updatedAfter,
    updatedBefore: filters.updatedBefore,
  }),
  result: url,
  reasons: {},
})

export const getRecordMetrics = defineEndpoint({
  name: 'orchestration.getRecordMetrics',
  method: 'POST',
  path: '/orchestration/records/metrics',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    releaseUuid: opt(uuid, 'Only records of this release'),
    batchUuid: opt(uuid, 'Only records of this batch'),
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
  }),
  result: z.looseObject({ recordMetrics: z.array(recordMetric) }),
  reasons: {},
  idempotent: true,
})

export const cancelRecords = defineEndpoint({
  name: 'orchestration.cancelRecords',
  method: 'POST',
  path: '/orchestration/records/cancel',
  payloadIn: 'body',
  payload: z
    .object({
      workflowUuid: workflowUuidRequired,
      ids: opt(z.array(z.string()), 'Records to cancel, comma-separated record IDs (not combinable with the filters)'),
      title: filters.title,
      titleOrId: filters.titleOrId,
      releaseUuid: filters.releaseUuid,
      batchUuid: filters.batchUuid,
      parentBatchUuid: filters.parentBatchUuid,
      parentRunUuid: filters.parentRunUuid,
      parentNodeUuid: filters.parentNodeUuid,
      isGroupParent: filters.isGroupParent,
      executionsFilter: filters.executionsFilter,
      createdAfter: filters.createdAfter,
      createdBefore: filters.createdBefore,
    })
    .superRefine(listOrFilters('ids')),
  result: voidResult,
  reasons: {
    failedToStart: 'The records could not be cancelled.',
    tooManyRecordsSelected: 'No more than 2,000 records can be cancelled in one call.',
  },
})

/** Returns a signed URL; the CLI fetches it (spec steps). */
export const downloadRecordOutputs = defineEndpoint({
  name: 'orchestration.downloadRecordOutputs',
  method: 'POST',
  path: '/orchestration/records/download-outputs',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    outputNodeSlug: filters.outputNodeSlug,
    format: filters.format,
    ids: filters.ids,
    runUuids: filters.runUuids,
    title: filters.title,
    titleOrId: filters.titleOrId,
    releaseUuid: filters.releaseUuid,
    batchUuid: filters.batchUuid,
    statuses: recordRunStatuses,
    parentBatchUuid: filters.parentBatchUuid,
    parentRunUuid: filters.parentRunUuid,
    parentNodeUuid: filters.parentNodeUuid,
    isGroupParent: filters.isGroupParent,
    executionsFilter: filters.executionsFilter,
    createdAfter: filters.createdAfter,
    createdBefore: filters.createdBefore,
    limit: filters.limit,
    offset: filters.offset,
  }),
  result: url,
  reasons: {
    noRecordsFound: 'No record matches these filters.',
    tooManyRecords: 'At most 10,000 records can be exported at once; narrow the filters.',
  },
})

// ---------------------------------------------------------------------------------------------
// Plays

export const listPlays = defineEndpoint({
  name: 'orchestration.listPlays',
  method: 'GET',
  path: '/orchestration/plays/list',
  payloadIn: 'query',
  payload: z.object({
    isEnabled: opt(z.boolean(), 'Whether the play is turned on'),
    modelUuid: opt(uuid, 'Only plays working on this model'),
    segmentUuid: opt(uuid, 'Only plays watching this segment'),
    scheduleType: opt(playScheduleType, 'Only plays with this kind of schedule'),
  }),
  result: z.looseObject({ plays: z.array(play) }),
  reasons: {},
})

export const createPlay = defineEndpoint({
  name: 'orchestration.createPlay',
  method: 'POST',
  path: '/orchestration/plays',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name of the play'),
    description: opt(z.string(), 'Description of the play'),
    modelUuid: req(uuid, 'Model whose records the play processes'),
    filter: opt(
      filter,
      'Segmentation filter as JSON, {conjonction: and|or, groups: [{conjonction, conditions: [...]}]} (note the spelling conjonction); it defines the segment the play watches',
    ),
    sort: opt(sort, sortDescription),
    limit: opt(count, 'Maximum number of records in the play segment'),
    trackingColumnSlugs: opt(z.array(z.string()), 'Columns whose changes count as an update, comma-separated'),
    changeKinds: req(z.array(changeKind), 'Segment changes that start runs, comma-separated'),
    runCreationRule: req(playRunCreationRule, 'When a record gets a new run'),
    schedule: opt(playScheduleInput, scheduleDescription),
    folderUuid: opt(uuid, 'Folder to create the play in'),
  }),
  result: z.looseObject({ play }),
  reasons: {
    modelNotFound: 'No model matches this UUID.',
    folderNotFound: 'No folder matches this UUID.',
    failedToSchedule: 'The schedule could not be registered.',
    invalidFilter: 'The filter is not valid.',
    integrationNotCompatible: 'The integration does not support this operation.',
    connectorNotFound: 'No connector matches this UUID.',
    integrationNotFound: 'No integration matches this slug.',
    failedToCreateSegment: 'The segment behind the play could not be created.',
  },
})

export const getPlay = defineEndpoint({
  name: 'orchestration.getPlay',
  method: 'GET',
  path: '/orchestration/plays/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('play') }),
  result: z.looseObject({ play }),
  reasons: {
    playNotFound: 'No play matches this UUID.',
  },
})

export const updatePlay = defineEndpoint({
  name: 'orchestration.updatePlay',
  method: 'PUT',
  path: '/orchestration/plays/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('play to update'),
    name: opt(z.string().min(1), 'New name'),
    description: optNull(z.string(), 'New description (null clears it)'),
    isEnabled: opt(z.boolean(), 'Turn the play on or off (turning it on needs a deployed release)'),
    filter: opt(filter, 'New segmentation filter as JSON: {conjonction: and|or, groups: [{conjonction, conditions: [...]}]}'),
    sort: optNull(sort, `${sortDescription} (null clears it)`),
    limit: optNull(count, 'Maximum number of records in the segment (null removes the cap)'),
    trackingColumnSlugs: optNull(z.array(z.string()), 'Columns whose changes count as an update, comma-separated'),
    changeKinds: opt(z.array(changeKind), 'Segment changes that start runs, comma-separated'),
    runCreationRule: opt(playRunCreationRule, 'When a record gets a new run'),
    healthThreshold: opt(z.number(), 'Health threshold of the play'),
    healthAlertActions: opt(z.array(action), 'Actions to fire when health falls below the threshold, as a JSON array'),
    schedule: optNull(playScheduleInput, `${scheduleDescription}; null removes the schedule`),
    folderUuid: optNull(uuid, 'Folder to move the play to (null moves it out of its folder)'),
    template: templateSettingsField,
  }),
  result: z.looseObject({ play }),
  reasons: {
    playNotFound: 'No play matches this UUID.',
    workflowNotFound: 'No workflow matches this UUID.',
    folderNotFound: 'No folder matches this UUID.',
    failedToSchedule: 'The schedule could not be registered.',
    invalidFilter: 'The filter is not valid.',
    integrationNotCompatible: 'The integration does not support this operation.',
    connectorNotFound: 'No connector matches this UUID.',
    integrationNotFound: 'No integration matches this slug.',
    modelNotFound: 'No model matches this UUID.',
    segmentNotFound: 'No segment matches this UUID.',
    playNotDeployed: 'A play without a deployed release cannot be enabled.',
    failedToUpdateSegment: 'The play\'s segment could not be updated.',
  },
})

export const removePlay = defineEndpoint({
  name: 'orchestration.removePlay',
  method: 'DELETE',
  path: '/orchestration/plays/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('play') }),
  result: voidResult,
  reasons: {
    playNotFound: 'No play matches this UUID.',
    failedToRemoveSegment: 'The play\'s segment could not be deleted.',
  },
})

// ---------------------------------------------------------------------------------------------
// Tools

export const listTools = defineEndpoint({
  name: 'orchestration.listTools',
  method: 'GET',
  path: '/orchestration/tools/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ tools: z.array(tool) }),
  reasons: {},
})

export const createTool = defineEndpoint({
  name: 'orchestration.createTool',
  method: 'POST',
  path: '/orchestration/tools',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name of the tool'),
    icon: req(toolIcon, toolIconDescription),
    description: opt(z.string(), 'Description of the tool'),
    triggers: triggersField,
    folderUuid: opt(uuid, 'Folder to create the tool in'),
  }),
  result: z.looseObject({ tool }),
  reasons: {},
})

export const getTool = defineEndpoint({
  name: 'orchestration.getTool',
  method: 'GET',
  path: '/orchestration/tools/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('tool') }),
  result: z.looseObject({ tool }),
  reasons: {
    toolNotFound: 'No tool matches this UUID.',
  },
})

export const updateTool = defineEndpoint({
  name: 'orchestration.updateTool',
  method: 'PUT',
  path: '/orchestration/tools/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('tool to update'),
    name: opt(z.string().min(1), 'New name'),
    icon: opt(toolIcon, toolIconDescription),
    description: optNull(z.string(), 'New description (null clears it)'),
    triggers: triggersField,
    publicForm: optNull(
      toolPublicForm,
      'Public form settings as JSON ({isEnabled, allowedOrigins, spam, presentation}); null removes the form',
    ),
    folderUuid: optNull(uuid, 'Folder to move the tool to (null moves it out of its folder)'),
    template: templateSettingsField,
  }),
  result: z.looseObject({ tool }),
  reasons: {
    toolNotFound: 'No tool matches this UUID.',
    workflowNotFound: 'No workflow matches this UUID.',
    toolIsReadOnly: 'This tool is read-only and cannot be changed or deleted.',
    folderNotFound: 'No folder matches this UUID.',
  },
})

export const removeTool = defineEndpoint({
  name: 'orchestration.removeTool',
  method: 'DELETE',
  path: '/orchestration/tools/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('tool') }),
  result: voidResult,
  reasons: {
    toolNotFound: 'No tool matches this UUID.',
    toolIsReadOnly: 'This tool is read-only and cannot be changed or deleted.',
  },
})

// ---------------------------------------------------------------------------------------------
// Workflows and templates

export const listWorkflows = defineEndpoint({
  name: 'orchestration.listWorkflows',
  method: 'GET',
  path: '/orchestration/workflows/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ workflows: z.array(workflow) }),
  reasons: {},
})

export const listTemplates = defineEndpoint({
  name: 'orchestration.listTemplates',
  method: 'POST',
  path: '/orchestration/templates/list',
  payloadIn: 'body',
  payload: z.object({
    hasDocumentation: opt(z.boolean(), 'Whether the template comes with documentation'),
    isPreset: opt(z.boolean(), 'Whether the template is a preset'),
    kinds: opt(z.array(templateKind), 'Template kinds to keep, comma-separated'),
  }),
  result: z.looseObject({ templates: z.array(template) }),
  reasons: {},
  idempotent: true,
})

export const getTemplate = defineEndpoint({
  name: 'orchestration.getTemplate',
  method: 'GET',
  path: '/orchestration/templates/{slug}',
  payloadIn: 'none',
  payload: z.object({ slug: req(z.string().min(1), 'Slug of the template') }),
  result: z.looseObject({ template }),
  reasons: {
    templateNotFound: 'No template matches this slug.',
  },
})

// ---------------------------------------------------------------------------------------------
// Nodes

export const validateNodes = defineEndpoint({
  name: 'orchestration.validateNodes',
  method: 'POST',
  path: '/orchestration/nodes/validate',
  payloadIn: 'body',
  payload: z.object({ nodes: req(nodes, nodesDescription) }),
  result: validateNodesResult,
  reasons: {},
  idempotent: true,
})

export const computeNode = defineEndpoint({
  name: 'orchestration.computeNode',
  method: 'POST',
  path: '/orchestration/nodes/compute',
  payloadIn: 'body',
  payload: z.object({
    node: nodeField,
    context: contextField,
    groupContext: groupContextField,
  }),
  result: computeNodeResult,
  reasons: {},
  keepNulls: ['computedConfig'],
  idempotent: true,
})

/** Debugging aid: every field but groupContext is required, as the newest CLI checks before calling (UPSTREAM.md (b)). */
export const executeNode = defineEndpoint({
  name: 'orchestration.executeNode',
  method: 'POST',
  path: '/orchestration/nodes/execute',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: req(uuid, 'Workflow the node belongs to'),
    releaseUuid: req(uuid, 'Release to execute against (release get-draft prints the draft one)'),
    node: nodeField,
    computedConfig: req(jsonObject, 'Resolved config of the node (what node compute prints as computedConfig)'),
    context: contextField,
    groupContext: groupContextField,
  }),
  result: executeNodeResult,
  reasons: {
    releaseNotFound: 'No release matches.',
  },
  keepNulls: ['data', 'groupItems[].item', 'groupItems[].executions.*.data', 'groupItems[].computedConfigs.*.computedConfig'],
})

// ---------------------------------------------------------------------------------------------
// Releases

const releaseKeepNulls = ['release.testRecords'] as const

export const getRelease = defineEndpoint({
  name: 'orchestration.getRelease',
  method: 'GET',
  path: '/orchestration/releases/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('release') }),
  result: z.looseObject({ release }),
  reasons: {},
  keepNulls: releaseKeepNulls,
})

export const listReleases = defineEndpoint({
  name: 'orchestration.listReleases',
  method: 'GET',
  path: '/orchestration/releases/list',
  payloadIn: 'query',
  payload: z.object({
    workflowUuid: opt(uuid, 'Only releases of this workflow'),
    userUuid: opt(uuid, 'Only releases made by this user'),
    statuses: opt(z.array(releaseStatus), 'Release statuses to keep, comma-separated'),
    limit: filters.limit,
    offset: filters.offset,
  }),
  result: z.looseObject({ releases: z.array(release) }),
  reasons: {},
  keepNulls: ['releases[].testRecords'],
})

export const getDeployedRelease = defineEndpoint({
  name: 'orchestration.getDeployedRelease',
  method: 'GET',
  path: '/orchestration/releases/deployed',
  payloadIn: 'query',
  payload: z.object({ workflowUuid: workflowUuidRequired }),
  result: z.looseObject({ release }),
  reasons: {
    releaseNotFound: 'The workflow has no deployed release.',
  },
  keepNulls: releaseKeepNulls,
})

export const getDraftRelease = defineEndpoint({
  name: 'orchestration.getDraftRelease',
  method: 'GET',
  path: '/orchestration/releases/draft',
  payloadIn: 'query',
  payload: z.object({ workflowUuid: workflowUuidRequired }),
  result: z.looseObject({ release }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
  },
  keepNulls: releaseKeepNulls,
})

export const updateDraftRelease = defineEndpoint({
  name: 'orchestration.updateDraftRelease',
  method: 'POST',
  path: '/orchestration/releases/draft/update',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    nodes: opt(nodes, nodesDescription),
    parentUuid: opt(uuid, 'Release that the draft is based on'),
    testRecords: opt(
      z.array(releaseTestRecord),
      'Test records as a JSON array: [{kind:"id", id, data?} | {kind:"data", data}]',
    ),
    formFields: optNull(z.array(releaseFormField), formFieldsDescription),
    options: releaseOptionsField,
  }),
  result: z.looseObject({ release }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    draftReleaseNotFound: 'The workflow has no draft release.',
    failedToReconciliateNodes: 'The nodes could not be reconciled with the workflow.',
    invalidParent: 'The parent release is not valid.',
  },
  keepNulls: releaseKeepNulls,
})

export const deployDraftRelease = defineEndpoint({
  name: 'orchestration.deployDraftRelease',
  method: 'POST',
  path: '/orchestration/releases/draft/deploy',
  payloadIn: 'body',
  payload: z.object({
    workflowUuid: workflowUuidRequired,
    nodes: req(nodes, `Node graph to publish. ${nodesDescription}`),
    formFields: reqNull(z.array(releaseFormField), `${formFieldsDescription}; must be given, null included`),
    description: opt(z.string(), 'Description of the release'),
    version: opt(z.string().min(1), 'Version of the release (assigned by the server when left out)'),
    options: releaseOptionsField,
  }),
  result: z.looseObject({ release }),
  reasons: {
    workflowNotFound: 'No workflow matches this UUID.',
    draftReleaseNotFound: 'The workflow has no draft release.',
    failedToReconciliateNodes: 'The nodes could not be reconciled with the workflow.',
    draftReleaseNodesAreInvalid: 'The node graph is not valid.',
    invalidReleaseVersion: 'The release version is not valid.',
    toolReleaseRequiresFormFields: 'A tool\'s release must define form fields.',
  },
  keepNulls: releaseKeepNulls,
})

// ---------------------------------------------------------------------------------------------
// Query, spans, traces

export const executeQuery = defineEndpoint({
  name: 'orchestration.executeQuery',
  method: 'POST',
  path: '/orchestration/query',
  payloadIn: 'body',
  payload: z.object({
    query: req(z.string().min(1), 'SQL query (ClickHouse dialect) over the runs, batches, spans and records tables'),
  }),
  result: z.looseObject({ rows: z.array(jsonObject) }),
  reasons: {},
  idempotent: true,
})

const spanFilters = {
  workflowUuid: opt(uuid, 'Only spans of this workflow'),
  userUuid: filters.userUuid,
  batchUuid: filters.batchUuid,
  traceUuid: opt(uuid, 'All spans of the run lineage of this trace (the limit may then go up to 1000)'),
  runUuid: opt(uuid, 'Only spans of this run'),
  recordId: filters.recordId,
  recordTitle: filters.recordTitle,
  recordTitleOrId: filters.recordTitleOrId,
  parentRunUuid: filters.parentRunUuid,
  parentNodeUuid: filters.parentNodeUuid,
  parentAgentUuid: opt(uuid, 'Only spans started by this agent'),
  nodeUuid: opt(uuid, 'Only spans of this node'),
  nodeKind: opt(nodeKind, 'Only spans of nodes of this kind'),
  nodeSlug: opt(z.string(), 'Only spans of the node with this slug'),
  nodeIntegrationSlug: opt(z.string(), 'Only spans of this integration'),
  nodeConnectorUuid: opt(uuid, 'Only spans that used this connector'),
  nodeActionSlug: opt(z.string(), 'Only spans of this action'),
  nodeToolUuid: opt(uuid, 'Only spans of nodes that call this tool'),
  nodeAgentUuid: opt(uuid, 'Only spans of nodes that call this agent'),
  nodeReleaseUuid: opt(uuid, 'Only spans whose node was pinned to this release'),
  executionTitle: opt(z.string(), 'Match this text against the execution title'),
  executionTitleOrErrorMessage: opt(z.string(), 'Match this text against the execution title or error message'),
  executionStatuses: opt(z.array(executionStatus), 'Execution statuses to keep, comma-separated'),
  executionStartedAfter: req(isoDate, 'Executions started at or after this date (required by the API)'),
  executionStartedBefore: opt(isoDate, 'Executions started before this date'),
}

export const listSpans = defineEndpoint({
  name: 'orchestration.listSpans',
  method: 'POST',
  path: '/orchestration/spans/list',
  payloadIn: 'body',
  payload: z.object({ ...spanFilters, limit: filters.limit, offset: filters.offset }),
  result: z.looseObject({ spans: z.array(span), count: z.number() }),
  reasons: {},
  idempotent: true,
})

export const countSpans = defineEndpoint({
  name: 'orchestration.countSpans',
  method: 'POST',
  path: '/orchestration/spans/count',
  payloadIn: 'body',
  payload: z.object(spanFilters),
  result: countResult,
  reasons: {},
  idempotent: true,
})

const traceFilters = {
  workflowUuid: opt(uuid, 'Only traces of this workflow'),
  chatUuid: opt(uuid, 'Only traces of this AI chat'),
  agentUuid: opt(uuid, 'Only traces of this AI agent'),
  statuses: opt(z.array(traceStatus), 'Trace statuses to keep, comma-separated'),
  startedAfter: req(isoDate, 'Traces started at or after this date (required by the API)'),
  startedBefore: opt(isoDate, 'Traces started before this date'),
}

export const listTraces = defineEndpoint({
  name: 'orchestration.listTraces',
  method: 'POST',
  path: '/orchestration/traces/list',
  payloadIn: 'body',
  payload: z.object({ ...traceFilters, limit: filters.limit, offset: filters.offset }),
  result: z.looseObject({ traces: z.array(trace), count: z.number() }),
  reasons: {},
  idempotent: true,
})

export const countTraces = defineEndpoint({
  name: 'orchestration.countTraces',
  method: 'POST',
  path: '/orchestration/traces/count',
  payloadIn: 'body',
  payload: z.object(traceFilters),
  result: countResult,
  reasons: {},
  idempotent: true,
})

export const getTrace = defineEndpoint({
  name: 'orchestration.getTrace',
  method: 'GET',
  path: '/orchestration/traces/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('trace') }),
  result: z.looseObject({ trace }),
  reasons: {
    traceNotFound: 'No trace matches this UUID.',
  },
})
