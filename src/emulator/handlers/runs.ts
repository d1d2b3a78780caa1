import * as api from '../../api/endpoints/orchestration.js'
import { type Ctx, mustGet, on, save } from '../context.js'
import { type RunDoc, type WorkflowDoc, isTerminal, publicView } from '../documents.js'
import { badRequest } from '../http.js'
import { chooseGraph, startRun, workflowKind } from '../runtime.js'
import { newestFirst, page, runPredicates, select } from '../selection.js'
import { cancelRun, runContexts } from '../simulation.js'

/** The workspace's runs (already brought up to date by the dispatcher), oldest first. */
export function workspaceRuns(ctx: Ctx, where: Record<string, string> = {}): RunDoc[] {
  return ctx.store.find<RunDoc>('run', ctx.workspaceUuid, where).filter((run) => run.deletedAt === null)
}

export function selectRuns(ctx: Ctx, filters: object): RunDoc[] {
  return newestFirst(select(workspaceRuns(ctx), filters, runPredicates))
}

export function rejectPlay(ctx: Ctx, workflowUuid: string | undefined): void {
  if (workflowUuid === undefined) return
  const workflow = mustGet<WorkflowDoc>(ctx, 'workflow', workflowUuid, 'workflow')
  if (workflowKind(workflow) === 'play') throw badRequest('playNotCompatible')
}

const metricBuckets = {
  run: ['idle', 'pending', 'running', 'success', 'error', 'cancelling', 'cancelled', 'skipped'],
  record: ['pending', 'running', 'success', 'error', 'cancelling', 'cancelled'],
} as const

/** An execution still pending counts as running while its run runs, and as cancelled once it was cancelled. */
function bucketOf(run: RunDoc, executionStatus: string): string {
  if (executionStatus !== 'pending') return executionStatus
  return run.status === 'running' || run.status === 'cancelled' ? run.status : 'pending'
}

/** Per-node execution counts over runs (run metrics, record metrics). */
export function executionMetrics(runs: readonly RunDoc[], kind: keyof typeof metricBuckets): Array<Record<string, string | number>> {
  const byNode = new Map<string, Record<string, string | number>>()
  const empty = (nodeUuid: string): Record<string, string | number> => ({
    nodeUuid,
    totalExecutionsCount: 0,
    ...Object.fromEntries(metricBuckets[kind].map((bucket) => [`${bucket}ExecutionsCount`, 0])),
    creditsUsedCount: 0,
  })
  for (const run of runs) {
    for (const execution of run.executions) {
      const nodeUuid = String(execution.nodeUuid)
      const metric = byNode.get(nodeUuid) ?? empty(nodeUuid)
      const key = `${bucketOf(run, String(execution.status))}ExecutionsCount`
      metric.totalExecutionsCount = Number(metric.totalExecutionsCount) + 1
      if (key in metric) metric[key] = Number(metric[key]) + 1
      metric.creditsUsedCount = Number(metric.creditsUsedCount) + Number(execution.creditsUsedCount ?? 0)
      byNode.set(nodeUuid, metric)
    }
  }
  return [...byNode.values()]
}

export function cancelAll(ctx: Ctx, runs: readonly RunDoc[]): void {
  for (const run of runs) if (!isTerminal(run.status)) save(ctx, 'run', cancelRun(run, ctx.now))
}

export const runHandlers = [
  on(api.createRun, (ctx, payload) => {
    rejectPlay(ctx, payload.workflowUuid)
    const run = startRun(ctx, chooseGraph(ctx, payload), payload.data)
    return { run: publicView(run) }
  }),
  on(api.getRun, (ctx, { uuid }) => {
    const run = mustGet<RunDoc>(ctx, 'run', uuid, 'run')
    return { run: publicView(run), ...runContexts(run) }
  }),
  on(api.listRuns, (ctx, payload) => {
    const runs = selectRuns(ctx, payload)
    return { runs: page(runs, payload).map(publicView), count: runs.length }
  }),
  on(api.countRuns, (ctx, payload) => ({ count: selectRuns(ctx, payload).length })),
  on(api.cancelRuns, (ctx, payload) => cancelAll(ctx, selectRuns(ctx, payload))),
  on(api.getRunMetrics, (ctx, payload) => ({ runMetrics: executionMetrics(selectRuns(ctx, payload), 'run') })),
]
