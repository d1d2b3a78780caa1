/**
 * Orchestration domain (entities.md §1): workflows, their nodes and releases, plays, tools,
 * runs, batches, records, observability spans and traces, templates.
 *
 * Response entities are loose (`entity`): unknown keys pass, `T | null` fields are optional because
 * the client strips nulls. Request pieces are loose too, so nothing a user sent is dropped, but they
 * check what the API needs (kinds, required ids) before anything is sent.
 */
import { z } from 'zod'
import { anyId, changeKind, conjonction, entity, filter, json, jsonObject, sort, timestamp, uuid } from './common.js'

// ---------------------------------------------------------------------------------------------
// Enums (§1.1)

export const runStatus = z.enum(['idle', 'pending', 'running', 'success', 'error', 'cancelling', 'cancelled', 'skipped'])
export type RunStatus = z.infer<typeof runStatus>

export const batchStatus = z.enum([
  'pending',
  'syncing',
  'skipped',
  'querying',
  'running',
  'success',
  'cancelling',
  'error',
  'cancelled',
])
export type BatchStatus = z.infer<typeof batchStatus>

/** The statuses a run or batch ends in: it no longer changes after them. */
export const finishedRunStatus = runStatus.extract(['success', 'error', 'cancelled', 'skipped'])
export const activeRunStatus = runStatus.exclude(finishedRunStatus.options)
export const finishedBatchStatus = batchStatus.extract(finishedRunStatus.options)
export const activeBatchStatus = batchStatus.exclude(finishedBatchStatus.options)

export const batchRunsStatus = z.enum(['healthy', 'unhealthy'])
export type BatchRunsStatus = z.infer<typeof batchRunsStatus>

export const recordStatus = z.enum(['pending', 'running', 'success', 'error', 'cancelled', 'cancelling'])
export type RecordStatus = z.infer<typeof recordStatus>

export const executionStatus = z.enum(['pending', 'success', 'error'])
export type ExecutionStatus = z.infer<typeof executionStatus>

export const releaseStatus = z.enum(['draft', 'deployed', 'archived'])
export type ReleaseStatus = z.infer<typeof releaseStatus>

export const traceStatus = z.enum(['pending', 'error', 'degraded', 'success'])
export type TraceStatus = z.infer<typeof traceStatus>

export const executionsFilterNodeStatus = z.enum(['absent', 'pending', 'success', 'error'])
export type ExecutionsFilterNodeStatus = z.infer<typeof executionsFilterNodeStatus>

export const playRunCreationRule = z.enum(['always', 'once', 'noConcurrency'])
export type PlayRunCreationRule = z.infer<typeof playRunCreationRule>

export const templateKind = z.enum(['play', 'tool', 'workflow'])
export type TemplateKind = z.infer<typeof templateKind>

export const templateCategory = z.enum(['prospecting', 'ops', 'enablement', 'outreach', 'expansion', 'public', 'private'])
export type TemplateCategory = z.infer<typeof templateCategory>

export const templateScope = z.enum(['public', 'private'])
export type TemplateScope = z.infer<typeof templateScope>

export const templateFeature = z.enum([
  'enrichment',
  'listBuilding',
  'intent',
  'routing',
  'scoring',
  'agent',
  'reporting',
  'copilot',
  'form',
  'calendar',
  'accountResearch',
  'button',
  'block',
  'storage',
  'ai',
  'segmentation',
])
export type TemplateFeature = z.infer<typeof templateFeature>

export const nodeKind = z.enum(['native', 'connector', 'tool', 'agent'])
export type NodeKind = z.infer<typeof nodeKind>

export const batchDataKind = z.enum([
  'segment',
  'change',
  'filter',
  'recordIds',
  'watchedRecords',
  'records',
  'file',
  'runs',
  'group',
  'schedule',
  'form',
])
export type BatchDataKind = z.infer<typeof batchDataKind>

export const playScheduleType = z.enum(['cron', 'dbt', 'realtime', 'dependency', 'watch'])
export type PlayScheduleType = z.infer<typeof playScheduleType>

/** Export format of the download-outputs calls. */
export const outputFormat = z.enum(['csv', 'json'])
export type OutputFormat = z.infer<typeof outputFormat>

// ---------------------------------------------------------------------------------------------
// Nodes and actions (§1.2); used in requests (graphs, actions) and in responses (releases, runs)

export const nodeRetry = z.looseObject({
  maximumAttempts: z.number().nonnegative().optional(),
  /** milliseconds before the first retry */
  initialInterval: z.number().nonnegative().optional(),
  backoffCoefficient: z.number().nonnegative().optional(),
})
export type NodeRetry = z.infer<typeof nodeRetry>

export const nodePosition = z.looseObject({ x: z.number(), y: z.number() })
export type NodePosition = z.infer<typeof nodePosition>

/** Tool and agent nodes/actions name their target by uuid, template slug or release (at least one). */
function requireTarget(idKey: 'toolUuid' | 'agentUuid') {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (value[idKey] === undefined && value.templateSlug === undefined && value.releaseUuid === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `a ${value.kind} ${'slug' in value ? 'node' : 'action'} needs one of ${idKey}, templateSlug or releaseUuid`,
        path: [idKey],
      })
    }
  }
}

const nativeTarget = { kind: z.literal('native'), actionSlug: z.string().min(1) }
const connectorTarget = {
  kind: z.literal('connector'),
  integrationSlug: z.string().min(1),
  actionSlug: z.string().min(1),
  connectorUuid: z.string().optional(),
}
const toolTarget = {
  kind: z.literal('tool'),
  toolUuid: z.string().optional(),
  templateSlug: z.string().optional(),
  releaseUuid: z.string().optional(),
  waitUntilFinished: z.boolean().optional(),
}
const agentTarget = {
  kind: z.literal('agent'),
  agentUuid: z.string().optional(),
  templateSlug: z.string().optional(),
  releaseUuid: z.string().optional(),
  waitUntilFinished: z.boolean().optional(),
}

/**
 * Graph fields of a node. [types] and the docs also list `fallbackOnFailure` and `position` as
 * always present; they are optional here so that a hand-written graph is not refused for lacking
 * layout data the server can default.
 */
const nodeBase = {
  /** any non-empty text: releases the API hands back are read whatever their node ids look like */
  uuid: anyId,
  /** `[A-Za-z0-9_]`; `start` and `end` are reserved (the server reports `slugInvalid` on validate) */
  slug: z.string().min(1),
  name: z.string().optional(),
  description: z.string().optional(),
  config: jsonObject,
  /** as many entries as the action has children; null marks an unconnected output */
  childrenUuids: z.array(z.string().nullable()),
  fallbackOnFailure: z.boolean().optional(),
  fallbackChildUuid: z.string().optional(),
  position: nodePosition.optional(),
  retry: nodeRetry.optional(),
}

export const nativeNode = entity({ ...nodeBase, ...nativeTarget })
export const connectorNode = entity({ ...nodeBase, ...connectorTarget })
export const toolNode = entity({ ...nodeBase, ...toolTarget }).superRefine(requireTarget('toolUuid'))
export const agentNode = entity({ ...nodeBase, ...agentTarget }).superRefine(requireTarget('agentUuid'))
export type NativeNode = z.infer<typeof nativeNode>
export type ConnectorNode = z.infer<typeof connectorNode>
export type ToolNode = z.infer<typeof toolNode>
export type AgentNode = z.infer<typeof agentNode>

/** One node of a workflow graph. */
export const node = z.discriminatedUnion('kind', [nativeNode, connectorNode, toolNode, agentNode])
export type Node = z.infer<typeof node>

/** A node graph (`--nodes`): needs a start and an end node, which the server checks. */
export const nodes = z.array(node)

/** Template graphs reference tools and agents by templateSlug; the node shape covers them. */
export const templateNode = node
export type TemplateNode = Node

/**
 * `config` is optional: the newest API reads an action's inputs only from `data`/`records` and drops
 * whatever is put in config (UPSTREAM.md (b)); older payloads still carry `config: {}`.
 */
const actionBase = { config: jsonObject.optional(), retry: nodeRetry.optional() }

export const nativeAction = entity({ ...actionBase, ...nativeTarget })
export const connectorAction = entity({ ...actionBase, ...connectorTarget })
export const toolAction = entity({ ...actionBase, ...toolTarget }).superRefine(requireTarget('toolUuid'))
export const agentAction = entity({ ...actionBase, ...agentTarget }).superRefine(requireTarget('agentUuid'))

/** A node without its graph fields: what `action execute` runs, and what play health alerts fire. */
export const action = z.discriminatedUnion('kind', [nativeAction, connectorAction, toolAction, agentAction])
export type Action = z.infer<typeof action>

/** Remapping applied when a release is saved (`options` of draft update / deploy). */
export const releaseOptions = z.looseObject({
  connectorUuidsByIntegrationSlug: z.record(z.string(), z.string()).optional(),
  modelUuidsByIntegrationSlug: z.record(z.string(), z.string()).optional(),
})
export type ReleaseOptions = z.infer<typeof releaseOptions>

// ---------------------------------------------------------------------------------------------
// Node validation, compute, execute (§1.2)

export interface ValidateNodesInvalidNode {
  node: { uuid: string; slug: string; [key: string]: unknown }
  reason: string
  invalidNodes?: ValidateNodesInvalidNode[]
  [key: string]: unknown
}
export const validateNodesInvalidNode: z.ZodType<ValidateNodesInvalidNode, ValidateNodesInvalidNode> = entity({
  node: entity({ uuid: z.string(), slug: z.string() }),
  reason: z.string(),
  invalidNodes: z.array(z.lazy(() => validateNodesInvalidNode)).optional(),
})

export const validateNodesResult = z.discriminatedUnion('outcome', [
  entity({ outcome: z.literal('valid') }),
  entity({ outcome: z.literal('notValid'), invalidNodes: z.array(validateNodesInvalidNode) }),
])
export type ValidateNodesResult = z.infer<typeof validateNodesResult>

/** nulls inside are kept (wire.md §5) */
export const computeNodeResult = z.looseObject({ computedConfig: jsonObject })
export type ComputeNodeResult = z.infer<typeof computeNodeResult>

export const groupItemExecution = z.discriminatedUnion('outcome', [
  entity({ outcome: z.literal('executing'), message: z.string() }),
  entity({
    outcome: z.literal('executed'),
    data: jsonObject.nullable(),
    creditsUsedCount: z.number(),
    childIndex: z.number().optional(),
  }),
  entity({ outcome: z.literal('notExecuted'), reason: z.string(), message: z.string(), creditsUsedCount: z.number() }),
])
export type GroupItemExecution = z.infer<typeof groupItemExecution>

export const groupItemComputedConfig = z.discriminatedUnion('outcome', [
  entity({ outcome: z.literal('computed'), computedConfig: jsonObject }),
  entity({ outcome: z.literal('notComputed'), errorMessage: z.string() }),
])
export type GroupItemComputedConfig = z.infer<typeof groupItemComputedConfig>

/** The outcome of one item of a group loop, keyed by node uuid. */
export const groupItemResult = entity({
  item: json,
  executions: z.record(z.string(), groupItemExecution),
  computedConfigs: z.record(z.string(), groupItemComputedConfig),
  error: z.string().optional(),
})
export type GroupItemResult = z.infer<typeof groupItemResult>

export const executeNodeResult = z.discriminatedUnion('status', [
  entity({ status: z.literal('pending'), message: z.string(), runUuid: z.string().optional() }),
  entity({
    status: z.literal('success'),
    /** nulls kept */
    data: z.union([jsonObject, z.array(jsonObject)]).nullable(),
    creditsUsedCount: z.number(),
    childIndex: z.number().optional(),
    groupItems: z.array(groupItemResult).optional(),
  }),
  entity({
    status: z.literal('error'),
    message: z.string(),
    creditsUsedCount: z.number(),
    groupItems: z.array(groupItemResult).optional(),
  }),
])
export type ExecuteNodeResult = z.infer<typeof executeNodeResult>

// ---------------------------------------------------------------------------------------------
// Release (§1.3)

const formFieldBase = {
  name: z.string(),
  slug: z.string().min(1),
  description: z.string().optional(),
  placeholder: z.string().optional(),
  isRequired: z.boolean().optional(),
}

type FormFieldBase = { name: string; slug: string; description?: string; placeholder?: string; isRequired?: boolean }
export type ReleaseFormField = FormFieldBase & { [key: string]: unknown } & (
    | { kind: 'string' | 'number' | 'boolean' | 'any' | 'date' }
    | { kind: 'enum'; enum: string[] }
    | { kind: 'array'; fields: ReleaseFormField[] }
  )

/** One input field of a tool's form (a release's `formFields`). */
export const releaseFormField: z.ZodType<ReleaseFormField, ReleaseFormField> = z.discriminatedUnion('kind', [
  entity({ ...formFieldBase, kind: z.enum(['string', 'number', 'boolean', 'any', 'date']) }),
  entity({ ...formFieldBase, kind: z.literal('enum'), enum: z.array(z.string()) }),
  entity({ ...formFieldBase, kind: z.literal('array'), fields: z.array(z.lazy(() => releaseFormField)) }),
])

export const releaseTestRecord = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('id'), id: z.string().min(1), data: jsonObject.optional() }),
  entity({ kind: z.literal('data'), data: jsonObject }),
])
export type ReleaseTestRecord = z.infer<typeof releaseTestRecord>

export const release = entity({
  uuid: z.string(),
  parentUuid: z.string().optional(),
  workspaceUuid: z.string(),
  userUuid: z.string(),
  workflowUuid: z.string(),
  description: z.string().optional(),
  version: z.string().optional(),
  status: releaseStatus,
  templateSlug: z.string().optional(),
  nodes: z.array(node),
  formFields: z.array(releaseFormField).optional(),
  /** nulls kept */
  testRecords: z.array(releaseTestRecord),
  deployedAt: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Release = z.infer<typeof release>

// ---------------------------------------------------------------------------------------------
// Workflow (§1.4)

type WorkflowNodeBase = {
  uuid: string
  slug: string
  name?: string
  description?: string
  isArchived: boolean
  nodes: WorkflowNode[]
  [key: string]: unknown
}
export type WorkflowNode = WorkflowNodeBase &
  (
    | { kind: 'native'; actionSlug: string }
    | { kind: 'connector'; actionSlug: string; integrationSlug: string; connectorUuid?: string }
    | { kind: 'tool'; toolUuid?: string; templateSlug?: string; releaseUuid?: string }
    | { kind: 'agent'; agentUuid?: string; templateSlug?: string; releaseUuid?: string }
  )

const workflowNodeBase = {
  uuid: z.string(),
  slug: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  isArchived: z.boolean(),
  nodes: z.array(z.lazy(() => workflowNode)),
}

/** The summary of a node kept on a workflow (sub-graphs nested under `nodes`). */
export const workflowNode: z.ZodType<WorkflowNode, WorkflowNode> = z.discriminatedUnion('kind', [
  entity({ ...workflowNodeBase, kind: z.literal('native'), actionSlug: z.string() }),
  entity({
    ...workflowNodeBase,
    kind: z.literal('connector'),
    actionSlug: z.string(),
    integrationSlug: z.string(),
    connectorUuid: z.string().optional(),
  }),
  entity({
    ...workflowNodeBase,
    kind: z.literal('tool'),
    toolUuid: z.string().optional(),
    templateSlug: z.string().optional(),
    releaseUuid: z.string().optional(),
  }),
  entity({
    ...workflowNodeBase,
    kind: z.literal('agent'),
    agentUuid: z.string().optional(),
    templateSlug: z.string().optional(),
    releaseUuid: z.string().optional(),
  }),
])

export const workflow = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  nodes: z.array(workflowNode),
  playUuid: z.string().optional(),
  toolUuid: z.string().optional(),
  folderUuid: z.string().optional(),
  template: entity({ slug: z.string(), isAvailable: z.boolean(), scope: templateScope }).optional(),
  lastBatch: entity({
    uuid: z.string(),
    status: batchStatus,
    runsStatus: batchRunsStatus.optional(),
    errorMessage: z.string().optional(),
    createdAt: timestamp,
    finishedAt: timestamp.optional(),
  }).optional(),
  deployedRelease: entity({
    uuid: z.string(),
    userUuid: z.string(),
    description: z.string().optional(),
    version: z.string().optional(),
    nodes: z.array(node),
    formFields: z.array(releaseFormField).optional(),
    templateSlug: z.string().optional(),
    deployedAt: timestamp.optional(),
    createdAt: timestamp,
  }).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Workflow = z.infer<typeof workflow>

// ---------------------------------------------------------------------------------------------
// Play (§1.5)

/** A play's schedule as stored (responses). */
export const playSchedule = z.discriminatedUnion('type', [
  entity({ type: z.literal('cron'), cron: z.string(), temporalScheduleWorkflowId: z.string() }),
  entity({ type: z.literal('dbt'), jobId: z.string() }),
  entity({ type: z.literal('realtime') }),
  entity({ type: z.literal('dependency'), playUuid: z.string() }),
  entity({ type: z.literal('watch'), temporalScheduleWorkflowId: z.string(), meta: jsonObject.optional() }),
])
export type PlaySchedule = z.infer<typeof playSchedule>

/** A play's schedule as sent on create/update: the server fills in its engine ids. */
export const playScheduleInput = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('cron'), cron: z.string().min(1) }),
  z.looseObject({ type: z.literal('dbt'), jobId: z.string().min(1) }),
  z.looseObject({ type: z.literal('realtime') }),
  z.looseObject({ type: z.literal('dependency'), playUuid: uuid }),
  z.looseObject({ type: z.literal('watch') }),
])
export type PlayScheduleInput = z.infer<typeof playScheduleInput>

export const play = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string(),
  modelUuid: z.string(),
  segmentUuid: z.string(),
  changeKinds: z.array(changeKind),
  runCreationRule: playRunCreationRule,
  name: z.string(),
  description: z.string().optional(),
  schedule: playSchedule.optional(),
  isEnabled: z.boolean(),
  healthThreshold: z.number(),
  healthAlertActions: z.array(action),
  folderUuid: z.string().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Play = z.infer<typeof play>

/** Publication of a play or tool as a template (update payloads). */
export const templateSettings = z.looseObject({ isAvailable: z.boolean(), scope: templateScope })
export type TemplateSettings = z.infer<typeof templateSettings>

// ---------------------------------------------------------------------------------------------
// Tool (§1.6)

export const toolIcon = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('raw'), data: z.string() }),
  entity({ kind: z.literal('emoji'), emojiSlug: z.string().min(1) }),
])
export type ToolIcon = z.infer<typeof toolIcon>

export const toolCreditsCost = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('minMax') }),
  entity({ kind: z.literal('sum') }),
  entity({ kind: z.literal('custom'), min: z.number(), max: z.number() }),
])
export type ToolCreditsCost = z.infer<typeof toolCreditsCost>

export const toolTrigger = entity({
  type: z.literal('cron'),
  name: z.string(),
  description: z.string().optional(),
  cron: z.string(),
  temporalScheduleWorkflowId: z.string(),
  data: jsonObject,
})
export type ToolTrigger = z.infer<typeof toolTrigger>

/** A cron trigger as sent on create/update (the server adds its schedule id). */
export const toolTriggerInput = z.looseObject({
  type: z.literal('cron'),
  name: z.string().min(1),
  description: z.string().nullish(),
  cron: z.string().min(1),
  data: jsonObject,
})
export type ToolTriggerInput = z.infer<typeof toolTriggerInput>

const nullableString = z.string().nullish()

/**
 * A tool's public form. The same schema reads responses (nulls stripped) and checks update payloads
 * (nulls allowed), hence `nullish` where the types say `| null`.
 */
export const toolPublicForm = entity({
  isEnabled: z.boolean(),
  allowedOrigins: z.array(z.string()),
  spam: entity({
    captchaProvider: z.enum(['turnstile', 'hcaptcha']).nullish(),
    captchaSiteKey: nullableString,
    captchaSecret: nullableString,
    minFillMillis: z.number(),
  }),
  presentation: entity({
    theme: entity({
      preset: z.enum(['light', 'dark']).nullish(),
      primaryColor: nullableString,
      primaryTextColor: nullableString,
      primaryHoverColor: nullableString,
      textColor: nullableString,
      mutedColor: nullableString,
      backgroundColor: nullableString,
      borderColor: nullableString,
      borderFocusColor: nullableString,
      radius: nullableString,
      fontFamily: nullableString,
    }).nullish(),
  }).nullish(),
})
export type ToolPublicForm = z.infer<typeof toolPublicForm>

export const tool = entity({
  uuid: z.string(),
  icon: toolIcon,
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string(),
  name: z.string(),
  folderUuid: z.string().optional(),
  creditsCost: toolCreditsCost,
  description: z.string().optional(),
  isReadOnly: z.boolean(),
  triggers: z.array(toolTrigger),
  publicForm: toolPublicForm.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Tool = z.infer<typeof tool>

// ---------------------------------------------------------------------------------------------
// Executions filter (§1.9), used by run/record filters and batch data

export const executionsFilterCondition = z.looseObject({
  kind: z.literal('node'),
  nodeSlug: z.string().min(1),
  status: executionsFilterNodeStatus,
  /** matched against the node's title (success) or error message (error) */
  value: z.string().optional(),
})
export type ExecutionsFilterCondition = z.infer<typeof executionsFilterCondition>

export const executionsFilter = z.looseObject({
  conjonction,
  groups: z.array(z.looseObject({ conjonction, conditions: z.array(executionsFilterCondition) })),
})
export type ExecutionsFilter = z.infer<typeof executionsFilter>

// ---------------------------------------------------------------------------------------------
// Batch and batch data (§1.7)

const runsFilterBase = {
  releaseUuid: z.string().optional(),
  batchUuid: z.string().optional(),
  parentBatchUuid: z.string().optional(),
  parentRunUuid: z.string().optional(),
  parentNodeUuid: z.string().optional(),
  isGroupParent: z.boolean().optional(),
  executionsFilter: executionsFilter.optional(),
  createdAfter: z.string().optional(),
  createdBefore: z.string().optional(),
}

/** Which runs (or records) a `runs` batch re-executes. */
export const batchDataRunsFilter = z.discriminatedUnion('kind', [
  z.looseObject({
    ...runsFilterBase,
    kind: z.literal('runs'),
    uuids: z.array(z.string()).optional(),
    recordId: z.string().optional(),
    recordTitle: z.string().optional(),
    recordTitleOrId: z.string().optional(),
    statuses: z.array(runStatus).optional(),
  }),
  z.looseObject({
    ...runsFilterBase,
    kind: z.literal('records'),
    ids: z.array(z.string()).optional(),
    title: z.string().optional(),
    titleOrId: z.string().optional(),
    statuses: z.array(recordStatus).optional(),
  }),
])
export type BatchDataRunsFilter = z.infer<typeof batchDataRunsFilter>

/** Where a re-executed run starts again. */
export const batchDataRunsReset = z.discriminatedUnion('from', [
  z.looseObject({ from: z.literal('lastNode') }),
  z.looseObject({ from: z.literal('firstNode') }),
  z.looseObject({ from: z.literal('nextNode') }),
  z.looseObject({ from: z.literal('node'), nodeUuid: z.string().min(1) }),
])
export type BatchDataRunsReset = z.infer<typeof batchDataRunsReset>

/** Batch data as stored on `Batch.data` (responses). */
export const batchData = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('segment'), segmentUuid: z.string() }),
  entity({ kind: z.literal('change'), changeUuid: z.string(), changeKinds: z.array(changeKind), segmentUuid: z.string() }),
  entity({
    kind: z.literal('filter'),
    modelUuid: z.string(),
    filter: filter.optional(),
    sort: sort.optional(),
    limit: z.number().optional(),
  }),
  entity({ kind: z.literal('recordIds'), modelUuid: z.string(), ids: z.array(z.string()) }),
  entity({ kind: z.literal('records'), s3Filename: z.string() }),
  entity({ kind: z.literal('file'), s3Filename: z.string(), mappings: z.record(z.string(), z.string()).optional() }),
  entity({ kind: z.literal('runs'), filter: batchDataRunsFilter, reset: batchDataRunsReset }),
  entity({
    kind: z.literal('group'),
    s3Filename: z.string(),
    parentBatchUuid: z.string().optional(),
    parentRunUuid: z.string(),
    parentNodeUuid: z.string(),
  }),
  entity({
    kind: z.literal('watchedRecords'),
    modelUuid: z.string(),
    filter: filter.optional(),
    changeKinds: z.array(changeKind),
    s3Filename: z.string(),
    meta: jsonObject.optional(),
  }),
  entity({
    kind: z.literal('schedule'),
    modelUuid: z.string(),
    segmentUuid: z.string(),
    changeKinds: z.array(changeKind),
    changeUuid: z.string().optional(),
    skip: z.boolean().optional(),
    totalRecordsCount: z.number().optional(),
    updatedRecordsCount: z.number().optional(),
    removedRecordsCount: z.number().optional(),
    addedRecordsCount: z.number().optional(),
    unchangedRecordsCount: z.number().optional(),
  }),
  entity({
    kind: z.literal('form'),
    s3Filename: z.string(),
    webhookUrl: z.string().optional(),
    webhookSecret: z.string().optional(),
    parentRunUuid: z.string().optional(),
    parentNodeUuid: z.string().optional(),
    parentBatchUuid: z.string().optional(),
    parentAgentUuid: z.string().optional(),
    parentChatUuid: z.string().optional(),
    parentMessageUuid: z.string().optional(),
  }),
])
export type BatchData = z.infer<typeof batchData>

const segmentData = z.looseObject({ kind: z.literal('segment'), segmentUuid: uuid })
const filterData = z.looseObject({
  kind: z.literal('filter'),
  modelUuid: uuid,
  filter: filter.optional(),
  sort: sort.optional(),
  limit: z.int().nonnegative().optional(),
})
const recordIdsData = z.looseObject({
  kind: z.literal('recordIds'),
  modelUuid: uuid,
  ids: z.array(z.string(), {
    error: (issue) =>
      issue.input === undefined ? 'recordIds data is {kind: "recordIds", modelUuid, ids: [...]} (the list goes in ids)' : undefined,
  }),
})
const recordsData = z.looseObject({ kind: z.literal('records'), records: z.array(jsonObject) })

/** Batch data as sent to `POST orchestration/batches` (plays: segment, change, filter, recordIds; tools: file, records). */
export const createBatchData = z.discriminatedUnion('kind', [
  segmentData,
  z.looseObject({ kind: z.literal('change'), changeUuid: uuid, changeKinds: z.array(changeKind) }),
  filterData,
  recordIdsData,
  z.looseObject({
    kind: z.literal('file'),
    s3Filename: z.string().min(1),
    mappings: z.record(z.string(), z.string()).optional(),
  }),
  recordsData,
  z.looseObject({ kind: z.literal('runs'), filter: batchDataRunsFilter, reset: batchDataRunsReset }),
  z.looseObject({
    kind: z.literal('schedule'),
    modelUuid: uuid,
    segmentUuid: uuid,
    changeKinds: z.array(changeKind),
    skip: z.boolean().optional(),
  }),
  z.looseObject({
    kind: z.literal('form'),
    records: z.array(jsonObject),
    parentBatchUuid: z.string().optional(),
    parentRunUuid: z.string().optional(),
    parentNodeUuid: z.string().optional(),
  }),
])
export type CreateBatchData = z.infer<typeof createBatchData>

/** Batch data as sent to `POST orchestration/batches/preview` (differs from create for file, runs, group). */
export const previewBatchData = z.discriminatedUnion('kind', [
  segmentData,
  z.looseObject({ kind: z.literal('change'), changeUuid: uuid, changeKinds: z.array(changeKind) }),
  filterData,
  recordIdsData,
  z.looseObject({ kind: z.literal('file'), s3Filename: z.string().min(1) }),
  recordsData,
  z.looseObject({ kind: z.literal('runs'), runUuids: z.array(z.string()), reset: batchDataRunsReset }),
  z.looseObject({
    kind: z.literal('group'),
    items: z.array(json),
    parentBatchUuid: z.string().optional(),
    parentRunUuid: uuid,
    parentNodeUuid: uuid,
  }),
  z.looseObject({ kind: z.literal('schedule'), modelUuid: uuid, segmentUuid: uuid, changeKinds: z.array(changeKind) }),
])
export type PreviewBatchData = z.infer<typeof previewBatchData>

export const batch = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string().optional(),
  releaseUuid: z.string().optional(),
  nodes: z.array(node).optional(),
  temporalWorkflowId: z.string(),
  traceUuid: z.string().optional(),
  data: batchData,
  errorMessage: z.string().optional(),
  status: batchStatus,
  runsStatus: batchRunsStatus.optional(),
  runsCount: z.number(),
  executedRunsCount: z.number(),
  failedRunsCount: z.number(),
  creditsUsedCount: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: timestamp.optional(),
})
export type Batch = z.infer<typeof batch>

/** A column of a batch preview (a storage column; only its common fields are checked). */
export const batchPreviewColumn = entity({
  slug: z.string(),
  type: z.string(),
  label: z.string(),
  description: z.string().optional(),
})
export type BatchPreviewColumn = z.infer<typeof batchPreviewColumn>

// ---------------------------------------------------------------------------------------------
// Run, execution, record, metrics (§1.8, §1.9)

/**
 * One node execution of a run. The kind-specific fields (`nodeActionSlug`, `nodeConnectorUuid`, …)
 * are optional: the docs show executions without them, and a response should not fail on that.
 */
export const execution = entity({
  nodeUuid: z.string(),
  nodeSlug: z.string(),
  nodeKind: nodeKind,
  nodeActionSlug: z.string().optional(),
  nodeConnectorUuid: z.string().optional(),
  nodeIntegrationSlug: z.string().optional(),
  nodeToolUuid: z.string().optional(),
  nodeAgentUuid: z.string().optional(),
  nodeReleaseUuid: z.string().optional(),
  nodeBatchUuid: z.string().optional(),
  nodeRunUuid: z.string().optional(),
  nodeMessageUuid: z.string().optional(),
  /** which `childrenUuids` index was followed (branch: 0 = yes, 1 = no) */
  nodeChildIndex: z.number().optional(),
  nextNodeUuid: z.string().optional(),
  status: executionStatus,
  errorMessage: z.string().optional(),
  title: z.string().optional(),
  iconUrl: z.string().optional(),
  creditsUsedCount: z.number(),
  startedAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  finishedAt: timestamp.optional(),
  nodeWaitUntilFinished: z.boolean().optional(),
})
export type Execution = z.infer<typeof execution>

const parentFields = {
  parentNodeUuid: z.string().optional(),
  parentBatchUuid: z.string().optional(),
  parentAgentUuid: z.string().optional(),
  parentChatUuid: z.string().optional(),
  parentMessageUuid: z.string().optional(),
}

export const run = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string().optional(),
  releaseUuid: z.string().optional(),
  /** present for ad-hoc (`--nodes`) runs */
  nodes: z.array(node).optional(),
  batchUuid: z.string().optional(),
  traceUuid: z.string(),
  temporalWorkflowId: z.string(),
  recordId: z.string(),
  recordTitle: z.string(),
  contextS3Filename: z.string(),
  computedConfigsS3Filename: z.string(),
  parentUuid: z.string().optional(),
  ...parentFields,
  isGroupParent: z.boolean().optional(),
  status: runStatus,
  errorMessage: z.string().optional(),
  executions: z.array(execution),
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: timestamp.optional(),
  deletedAt: timestamp.optional(),
})
export type Run = z.infer<typeof run>

/** `GET orchestration/runs/{uuid}`: the context maps keep their nulls. */
export const getRunResult = z.looseObject({
  run,
  /** node slug → that node's output; `start` is the input record */
  runContext: z.record(z.string(), json),
  /** node slug → the config the node was called with */
  runComputedConfigs: z.record(z.string(), jsonObject),
})
export type GetRunResult = z.infer<typeof getRunResult>

/** A record processed by a workflow (its latest run). `id` and `title` are the record's, not uuids. */
export const orchestrationRecord = entity({
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string().optional(),
  id: z.string(),
  title: z.string(),
  runUuid: z.string(),
  traceUuid: z.string(),
  releaseUuid: z.string().optional(),
  nodes: z.array(node).optional(),
  batchUuid: z.string().optional(),
  temporalWorkflowId: z.string(),
  contextS3Filename: z.string(),
  computedConfigsS3Filename: z.string(),
  parentRunUuid: z.string().optional(),
  ...parentFields,
  isGroupParent: z.boolean().optional(),
  status: recordStatus,
  errorMessage: z.string().optional(),
  executions: z.array(execution),
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: timestamp.optional(),
})
export type OrchestrationRecord = z.infer<typeof orchestrationRecord>

/** Per-node execution counts, as record metrics have them; run metrics add idle and skipped. */
const nodeExecutionCounts = {
  nodeUuid: z.string(),
  totalExecutionsCount: z.number(),
  pendingExecutionsCount: z.number(),
  runningExecutionsCount: z.number(),
  successExecutionsCount: z.number(),
  errorExecutionsCount: z.number(),
  cancellingExecutionsCount: z.number(),
  cancelledExecutionsCount: z.number(),
  creditsUsedCount: z.number(),
}

export const runMetric = entity({ ...nodeExecutionCounts, idleExecutionsCount: z.number(), skippedExecutionsCount: z.number() })
export type RunMetric = z.infer<typeof runMetric>

export const recordMetric = entity(nodeExecutionCounts)
export type RecordMetric = z.infer<typeof recordMetric>

// ---------------------------------------------------------------------------------------------
// Span and trace (§1.10)

export const span = entity({
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  userUuid: z.string().optional(),
  batchUuid: z.string(),
  traceUuid: z.string(),
  recordId: z.string(),
  recordTitle: z.string(),
  runUuid: z.string(),
  runContextS3Filename: z.string(),
  runComputedConfigsS3Filename: z.string(),
  parentRunUuid: z.string().optional(),
  ...parentFields,
  isGroupParent: z.boolean().optional(),
  nodeUuid: z.string(),
  nodeKind: nodeKind,
  nodeSlug: z.string(),
  nodeActionSlug: z.string(),
  nodeConnectorUuid: z.string().optional(),
  nodeIntegrationSlug: z.string().optional(),
  nodeToolUuid: z.string().optional(),
  nodeAgentUuid: z.string().optional(),
  nodeReleaseUuid: z.string().optional(),
  nodeBatchUuid: z.string().optional(),
  nodeRunUuid: z.string().optional(),
  nodeMessageUuid: z.string().optional(),
  nodeChildIndex: z.number().optional(),
  nodeWaitUntilFinished: z.boolean(),
  nodeNextUuid: z.string().optional(),
  executionIndex: z.number(),
  executionStatus: executionStatus,
  executionErrorMessage: z.string().optional(),
  executionTitle: z.string().optional(),
  executionIconUrl: z.string().optional(),
  executionCreditsUsedCount: z.number(),
  executionStartedAt: timestamp,
  executionUpdatedAt: timestamp,
  executionFinishedAt: timestamp.optional(),
})
export type Span = z.infer<typeof span>

export const trace = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  workflowUuid: z.string(),
  rootRunUuid: z.string().optional(),
  rootRecordId: z.string().optional(),
  rootRecordTitle: z.string().optional(),
  rootUserUuid: z.string().optional(),
  chatUuid: z.string().optional(),
  agentUuid: z.string().optional(),
  spansCount: z.number(),
  failedSpansCount: z.number(),
  pendingSpansCount: z.number(),
  succeededSpansCount: z.number(),
  creditsUsedCount: z.number(),
  startedAt: timestamp,
  finishedAt: timestamp.optional(),
  updatedAt: timestamp,
  status: traceStatus,
})
export type Trace = z.infer<typeof trace>

// ---------------------------------------------------------------------------------------------
// Template (§1.11)

const templateBase = {
  slug: z.string(),
  workspaceUuid: z.string().optional(),
  scope: templateScope,
  name: z.string(),
  description: z.string(),
  isPreset: z.boolean(),
  nodes: z.array(templateNode),
  categories: z.array(templateCategory),
  author: entity({
    name: z.string(),
    title: z.string(),
    company: entity({ name: z.string(), url: z.string() }),
  }),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
}

export const template = z.discriminatedUnion('kind', [
  entity({
    ...templateBase,
    kind: z.literal('play'),
    model: z.discriminatedUnion('kind', [
      entity({ kind: z.literal('connector'), integrationSlug: z.string(), extractorSlug: z.string(), config: jsonObject }),
      entity({ kind: z.literal('native'), extractorSlug: z.string() }),
    ]),
  }),
  entity({
    ...templateBase,
    kind: z.literal('tool'),
    formFields: z.array(releaseFormField),
    icon: toolIcon,
    creditsCost: entity({ min: z.number(), max: z.number() }),
  }),
  entity({ ...templateBase, kind: z.literal('workflow') }),
])
export type Template = z.infer<typeof template>
