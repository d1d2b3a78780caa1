import { type Node, activeBatchStatus, activeRunStatus, finishedRunStatus } from '../../../api/schemas/orchestration.js'
import type { Json, JsonObject } from '../../expressions.js'
import type { PlannedExecution } from '../../engine.js'
import type { StoredDoc } from '../../kernel/store.js'

/**
 * Stored documents hold the wire shape of each entity, nulls included (the real server sends them;
 * entities.md §0), plus internal state under keys starting with `_`, which never leaves the emulator.
 * Hand-written rather than z.infer types of src/api/schemas/orchestration.ts: graphs, executions, data and
 * configs are the emulator's JSON (JsonObject) that the engine reads, and runs and batches carry their
 * simulation (`_sim`, `_settleAt`).
 */

// the API's own status sets: runs and batches end in the same statuses
export const terminalRunStatuses = finishedRunStatus.options
export const activeRunStatuses = activeRunStatus.options
export const activeBatchStatuses = activeBatchStatus.options

export function isTerminal(status: string): boolean {
  return (terminalRunStatuses as readonly string[]).includes(status)
}

interface Timestamps {
  createdAt: string
  updatedAt: string
}

export type Execution = JsonObject

/** The timeline fixed at creation: everything the run will do, revealed by `now()`. */
export interface RunSim {
  /** epoch ms when the first node starts */
  startAt: number
  nodeMs: number
  /** public executions as they end, without their times */
  executions: Execution[]
  context: Record<string, Json>
  computedConfigs: Record<string, JsonObject>
  status: 'success' | 'error'
  errorMessage: string | null
  outputSlug: string | null
  cancelledAt: number | null
}

export interface RunDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  workflowUuid: string
  userUuid: string | null
  releaseUuid: string | null
  nodes: Node[] | null
  batchUuid: string | null
  traceUuid: string
  temporalWorkflowId: string
  recordId: string
  recordTitle: string
  contextS3Filename: string
  computedConfigsS3Filename: string
  parentUuid: string | null
  parentNodeUuid: string | null
  parentBatchUuid: string | null
  parentAgentUuid: string | null
  parentChatUuid: string | null
  parentMessageUuid: string | null
  isGroupParent: boolean | null
  status: string
  errorMessage: string | null
  executions: Execution[]
  finishedAt: string | null
  deletedAt: string | null
  _sim: RunSim
  /** when the visible state changes next (epoch ms), null once it cannot: what `settle` looks up */
  _settleAt?: number | null
}

export interface BatchDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  workflowUuid: string
  userUuid: string | null
  releaseUuid: string | null
  nodes: Node[] | null
  temporalWorkflowId: string
  traceUuid: string | null
  data: JsonObject
  errorMessage: string | null
  status: string
  runsStatus: 'healthy' | 'unhealthy' | null
  runsCount: number
  executedRunsCount: number
  failedRunsCount: number
  creditsUsedCount: number
  finishedAt: string | null
  _startAt: number
  _cancelledAt: number | null
  /** when the batch must be looked at again without any of its runs changing (its start), else null */
  _settleAt?: number | null
}

export interface ReleaseDoc extends StoredDoc, Timestamps {
  parentUuid: string | null
  workspaceUuid: string
  userUuid: string
  workflowUuid: string
  description: string | null
  version: string | null
  status: 'draft' | 'deployed' | 'archived'
  templateSlug: string | null
  nodes: Node[]
  formFields: JsonObject[] | null
  testRecords: JsonObject[]
  deployedAt: string | null
  deletedAt: string | null
}

export interface WorkflowDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  playUuid: string | null
  toolUuid: string | null
  folderUuid: string | null
  template: { slug: string; isAvailable: boolean; scope: string } | null
  deletedAt: string | null
  /** the hidden workflow of ad-hoc runs (no workflowUuid), never listed */
  _adHoc?: boolean
}

export interface ToolDoc extends StoredDoc, Timestamps {
  icon: JsonObject
  workspaceUuid: string
  workflowUuid: string
  userUuid: string
  name: string
  folderUuid: string | null
  creditsCost: JsonObject
  description: string | null
  isReadOnly: boolean
  triggers: JsonObject[]
  publicForm: JsonObject | null
  deletedAt: string | null
}

export interface PlayDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  workflowUuid: string
  userUuid: string
  modelUuid: string
  segmentUuid: string
  changeKinds: string[]
  runCreationRule: string
  name: string
  description: string | null
  schedule: JsonObject | null
  isEnabled: boolean
  healthThreshold: number
  healthAlertActions: JsonObject[]
  folderUuid: string | null
  deletedAt: string | null
}

export interface ModelColumn extends JsonObject {
  slug: string
  type: string
  label: string
}

export interface ModelDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  slug: string
  name: string
  titleColumnSlug: string
  columns: ModelColumn[]
  /** the model's rows, each with its `_id` */
  _records: JsonObject[]
}

export interface SegmentDoc extends StoredDoc, Timestamps {
  workspaceUuid: string
  modelUuid: string
  name: string
  filter: JsonObject
  sort: JsonObject[] | null
  limit: number | null
  fromPlay: boolean
  deletedAt: string | null
}

/** An export; its content is kept on disk (Store.blobs), or here in files exported before that. */
export interface FileDoc extends StoredDoc {
  contentType: string
  content?: string
  createdAt: string
}

/** The public execution of one planned node, minus the times the simulation adds. */
export function executionOf(planned: PlannedExecution, connectorFor: (integrationSlug: string) => string | null): Execution {
  const { node } = planned
  return {
    nodeUuid: node.uuid,
    nodeSlug: node.slug,
    nodeBatchUuid: null,
    nodeRunUuid: null,
    nodeMessageUuid: null,
    nodeChildIndex: planned.childIndex,
    nextNodeUuid: planned.nextNodeUuid,
    status: planned.status,
    errorMessage: planned.errorMessage,
    title: planned.title,
    iconUrl: null,
    creditsUsedCount: planned.creditsUsedCount,
    startedAt: null,
    updatedAt: null,
    finishedAt: null,
    nodeWaitUntilFinished: 'waitUntilFinished' in node ? Boolean(node.waitUntilFinished) : false,
    ...nodeTarget(node, connectorFor),
  }
}

/** The kind-specific `node…` fields shared by executions and spans. */
function nodeTarget(node: Node, connectorFor: (integrationSlug: string) => string | null): JsonObject {
  switch (node.kind) {
    case 'native':
      return { nodeKind: 'native', nodeActionSlug: node.actionSlug }
    case 'connector':
      return {
        nodeKind: 'connector',
        nodeActionSlug: node.actionSlug,
        nodeConnectorUuid: node.connectorUuid ?? connectorFor(node.integrationSlug),
        nodeIntegrationSlug: node.integrationSlug,
      }
    case 'tool':
      return { nodeKind: 'tool', nodeToolUuid: node.toolUuid ?? node.templateSlug ?? '', nodeReleaseUuid: node.releaseUuid ?? null }
    case 'agent':
      return { nodeKind: 'agent', nodeAgentUuid: node.agentUuid ?? node.templateSlug ?? '', nodeReleaseUuid: node.releaseUuid ?? null }
  }
}
