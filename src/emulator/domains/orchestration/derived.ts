import type { Execution, RunDoc } from './documents.js'
import type { JsonObject } from '../../expressions.js'

/**
 * Entities the API computes from runs rather than stores on their own: records (the latest run of each
 * record of a workflow), spans (node executions) and traces (one per top-level run here).
 */

const recordStatusOf: Record<string, string> = { idle: 'pending', skipped: 'cancelled' }

/** Where a run comes from, as records and spans name it. */
function lineageOf(run: RunDoc): JsonObject {
  return {
    parentRunUuid: run.parentUuid,
    parentNodeUuid: run.parentNodeUuid,
    parentBatchUuid: run.parentBatchUuid,
    parentAgentUuid: run.parentAgentUuid,
    parentChatUuid: run.parentChatUuid,
    parentMessageUuid: run.parentMessageUuid,
    isGroupParent: run.isGroupParent,
  }
}

export function recordOf(run: RunDoc): JsonObject {
  return {
    workspaceUuid: run.workspaceUuid,
    workflowUuid: run.workflowUuid,
    userUuid: run.userUuid,
    id: run.recordId,
    title: run.recordTitle,
    runUuid: run.uuid,
    traceUuid: run.traceUuid,
    releaseUuid: run.releaseUuid,
    nodes: run.nodes as unknown as JsonObject[] | null,
    batchUuid: run.batchUuid,
    temporalWorkflowId: run.temporalWorkflowId,
    contextS3Filename: run.contextS3Filename,
    computedConfigsS3Filename: run.computedConfigsS3Filename,
    ...lineageOf(run),
    status: recordStatusOf[run.status] ?? run.status,
    errorMessage: run.errorMessage,
    executions: run.executions,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    finishedAt: run.finishedAt,
  }
}

/** One record per (workflow, record id): its latest run. `runs` are oldest first. */
export function latestRuns(runs: readonly RunDoc[]): RunDoc[] {
  const latest = new Map<string, RunDoc>()
  for (const run of runs) latest.set(`${run.workflowUuid}\u0000${run.recordId}`, run)
  return [...latest.values()]
}

export function spansOf(run: RunDoc): JsonObject[] {
  return run.executions.map((execution, index) => spanOf(run, execution, index))
}

function spanOf(run: RunDoc, execution: Execution, index: number): JsonObject {
  return {
    workspaceUuid: run.workspaceUuid,
    workflowUuid: run.workflowUuid,
    userUuid: run.userUuid,
    // the API types it as a string even for runs outside any batch
    batchUuid: run.batchUuid ?? '',
    traceUuid: run.traceUuid,
    recordId: run.recordId,
    recordTitle: run.recordTitle,
    runUuid: run.uuid,
    runContextS3Filename: run.contextS3Filename,
    runComputedConfigsS3Filename: run.computedConfigsS3Filename,
    ...lineageOf(run),
    nodeUuid: execution.nodeUuid,
    nodeKind: execution.nodeKind,
    nodeSlug: execution.nodeSlug,
    nodeActionSlug: execution.nodeActionSlug ?? String(execution.nodeKind),
    nodeConnectorUuid: execution.nodeConnectorUuid ?? null,
    nodeIntegrationSlug: execution.nodeIntegrationSlug ?? null,
    nodeToolUuid: execution.nodeToolUuid ?? null,
    nodeAgentUuid: execution.nodeAgentUuid ?? null,
    nodeReleaseUuid: execution.nodeReleaseUuid ?? null,
    nodeBatchUuid: execution.nodeBatchUuid,
    nodeRunUuid: execution.nodeRunUuid,
    nodeMessageUuid: execution.nodeMessageUuid,
    nodeChildIndex: execution.nodeChildIndex,
    nodeWaitUntilFinished: execution.nodeWaitUntilFinished,
    nodeNextUuid: execution.nextNodeUuid,
    executionIndex: index,
    executionStatus: execution.status,
    executionErrorMessage: execution.errorMessage,
    executionTitle: execution.title,
    executionIconUrl: execution.iconUrl,
    executionCreditsUsedCount: execution.creditsUsedCount,
    executionStartedAt: execution.startedAt,
    executionUpdatedAt: execution.updatedAt ?? execution.startedAt,
    executionFinishedAt: execution.finishedAt,
  }
}

function traceStatus(run: RunDoc): string {
  const failed = run.executions.some((execution) => execution.status === 'error')
  if (run.status === 'error') return 'error'
  if (run.status === 'success' || run.status === 'cancelled' || run.status === 'skipped') return failed ? 'degraded' : 'success'
  return 'pending'
}

export function traceOf(run: RunDoc): JsonObject {
  const count = (status: string) => run.executions.filter((execution) => execution.status === status).length
  return {
    uuid: run.traceUuid,
    workspaceUuid: run.workspaceUuid,
    workflowUuid: run.workflowUuid,
    rootRunUuid: run.uuid,
    rootRecordId: run.recordId,
    rootRecordTitle: run.recordTitle,
    rootUserUuid: run.userUuid,
    chatUuid: null,
    agentUuid: null,
    spansCount: run.executions.length,
    failedSpansCount: count('error'),
    pendingSpansCount: count('pending'),
    succeededSpansCount: count('success'),
    creditsUsedCount: run.executions.reduce((sum, execution) => sum + Number(execution.creditsUsedCount ?? 0), 0),
    startedAt: run.createdAt,
    finishedAt: run.finishedAt,
    updatedAt: run.updatedAt,
    status: traceStatus(run),
  }
}
