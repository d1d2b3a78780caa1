import { randomUUID } from 'node:crypto'
import type { Node } from '../../../api/schemas/orchestration.js'
import { type Ctx, live, lookup, mustGet, save } from '../../kernel/context.js'
import {
  type BatchDoc,
  type ReleaseDoc,
  type RunDoc,
  type ToolDoc,
  type WorkflowDoc,
  executionOf,
} from './documents.js'
import { type EngineEnv, executeGraph, findStartNode, recordTitle } from '../../engine.js'
import type { Json, JsonObject } from '../../expressions.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { SEED } from '../../kernel/seeded.js'
import { materializeBatch } from './simulation.js'
import { iso } from '../../kernel/timing.js'

/** Starting runs and batches: shared by run create, action execute, batch create and node execute. */

export type WorkflowKind = 'play' | 'tool' | 'adHoc'

export function workflowKind(workflow: WorkflowDoc): WorkflowKind {
  return workflow.playUuid ? 'play' : workflow.toolUuid ? 'tool' : 'adHoc'
}

export function deployedRelease(ctx: Ctx, workflowUuid: string): ReleaseDoc | undefined {
  return live<ReleaseDoc>(ctx, 'release', { workflowUuid, status: 'deployed' }).at(-1)
}

/** What a run executes: a workflow, and the nodes of the chosen release or of the caller's own graph. */
export interface GraphChoice {
  workflow: WorkflowDoc
  release: ReleaseDoc | null
  nodes: Node[]
  custom: boolean
}

export function chooseGraph(ctx: Ctx, request: { workflowUuid?: string; releaseUuid?: string; nodes?: Node[] }): GraphChoice {
  const workflow = mustGet<WorkflowDoc>(ctx, 'workflow', request.workflowUuid ?? SEED.adHocWorkflowUuid, 'workflow')
  const choice = request.nodes ? { workflow, release: null, nodes: request.nodes, custom: true } : releaseChoice(ctx, workflow, request.releaseUuid)
  if (!findStartNode(choice.nodes)) throw badRequest('rootNodeNotFound')
  return choice
}

function releaseChoice(ctx: Ctx, workflow: WorkflowDoc, releaseUuid: string | undefined): GraphChoice {
  if (releaseUuid !== undefined) {
    const release = mustGet<ReleaseDoc>(ctx, 'release', releaseUuid, 'release')
    if (release.workflowUuid !== workflow.uuid) throw notFound('release')
    return { workflow, release, nodes: release.nodes, custom: false }
  }
  const release = deployedRelease(ctx, workflow.uuid)
  if (!release) {
    throw badRequest('nodesNotFound', 'The workflow has no deployed release: deploy its draft (release deploy-draft) or pass nodes')
  }
  return { workflow, release, nodes: release.nodes, custom: false }
}

/** Tool nodes run their tool's deployed release (or the pinned one) inline. */
export function engineEnv(ctx: Ctx): EngineEnv {
  return {
    toolGraph(node) {
      if (node.releaseUuid) return lookup<ReleaseDoc>(ctx, 'release', node.releaseUuid)?.nodes
      const tool = node.toolUuid ? lookup<ToolDoc>(ctx, 'tool', node.toolUuid) : undefined
      return tool ? deployedRelease(ctx, tool.workflowUuid)?.nodes : undefined
    },
  }
}

/** The record a run processes: an object with an `_id` (generated when absent). */
export function inputRecord(data: Json): JsonObject {
  const record: JsonObject = data && typeof data === 'object' && !Array.isArray(data) ? { ...data } : { value: data }
  record._id = record._id === undefined || record._id === null ? randomUUID() : String(record._id)
  return record
}

export interface RunOptions {
  batchUuid?: string | null
  /** extra wait before the run starts (batches stagger their runs) */
  delayMs?: number
  /** overrides the end node as the run's output (action runs output their action) */
  outputSlug?: string
  title?: string
}

/** The fields a run and a batch take from what they execute. */
function executed(ctx: Ctx, choice: GraphChoice) {
  return {
    workspaceUuid: ctx.workspaceUuid,
    workflowUuid: choice.workflow.uuid,
    userUuid: ctx.userUuid,
    releaseUuid: choice.release?.uuid ?? null,
    nodes: choice.custom ? choice.nodes : null,
  }
}

/** The workspace's connector of an integration, by slug (read once for all the runs of a batch). */
type ConnectorFor = (integrationSlug: string) => string | null

function connectorsOf(ctx: Ctx): ConnectorFor {
  const connectors = live<{ uuid: string; integrationSlug: string }>(ctx, 'connector')
  return (slug) => connectors.find((connector) => connector.integrationSlug === slug)?.uuid ?? null
}

export function startRun(ctx: Ctx, choice: GraphChoice, data: Json, options: RunOptions = {}, connectorFor: ConnectorFor = connectorsOf(ctx)): RunDoc {
  const record = inputRecord(data)
  const plan = executeGraph(choice.nodes, record, engineEnv(ctx))
  const uuid = randomUUID()
  const run: RunDoc = {
    uuid,
    ...executed(ctx, choice),
    batchUuid: options.batchUuid ?? null,
    traceUuid: randomUUID(),
    temporalWorkflowId: `run-${uuid}`,
    recordId: String(record._id),
    recordTitle: options.title ?? recordTitle(record),
    contextS3Filename: `runs/${uuid}/context.json`,
    computedConfigsS3Filename: `runs/${uuid}/computed-configs.json`,
    parentUuid: null,
    parentNodeUuid: null,
    parentBatchUuid: null,
    parentAgentUuid: null,
    parentChatUuid: null,
    parentMessageUuid: null,
    isGroupParent: false,
    status: 'pending',
    errorMessage: null,
    executions: [],
    createdAt: iso(ctx.now),
    updatedAt: iso(ctx.now),
    finishedAt: null,
    deletedAt: null,
    _sim: {
      startAt: ctx.now + ctx.timing.pendingMs + (options.delayMs ?? 0),
      nodeMs: ctx.timing.nodeMs,
      executions: plan.executions.map((planned) => executionOf(planned, connectorFor)),
      context: plan.context,
      computedConfigs: plan.computedConfigs,
      status: plan.status,
      errorMessage: plan.errorMessage,
      outputSlug: options.outputSlug ?? plan.outputSlug,
      cancelledAt: null,
    },
    _settleAt: ctx.now + ctx.timing.pendingMs + (options.delayMs ?? 0),
  }
  save(ctx, 'run', run)
  return run
}

export interface BatchRecord {
  data: JsonObject
  title?: string
}

/** A batch and one run per record, started one after the other. */
export function startBatch(ctx: Ctx, choice: GraphChoice, storedData: JsonObject, records: readonly BatchRecord[], options: Pick<RunOptions, 'outputSlug'> = {}): BatchDoc {
  const uuid = randomUUID()
  const batch: BatchDoc = {
    uuid,
    ...executed(ctx, choice),
    temporalWorkflowId: `batch-${uuid}`,
    traceUuid: null,
    data: storedData,
    errorMessage: null,
    status: 'pending',
    runsStatus: null,
    runsCount: records.length,
    executedRunsCount: 0,
    failedRunsCount: 0,
    creditsUsedCount: 0,
    createdAt: iso(ctx.now),
    updatedAt: iso(ctx.now),
    finishedAt: null,
    _startAt: ctx.now + ctx.timing.pendingMs,
    _cancelledAt: null,
  }
  const connectorFor = connectorsOf(ctx)
  const runs = records.map((record, index) =>
    startRun(ctx, choice, record.data, { ...options, batchUuid: uuid, title: record.title, delayMs: index * ctx.timing.staggerMs }, connectorFor),
  )
  // shown pending until it is settled at its start, however fast its runs are
  const stored = { ...materializeBatch(batch, runs, ctx.now), status: 'pending', _settleAt: batch._startAt }
  save(ctx, 'batch', stored)
  return stored
}
