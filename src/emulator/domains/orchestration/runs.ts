import * as api from '../../../api/endpoints/orchestration.js'
import { recordStatus, runStatus } from '../../../api/schemas/orchestration.js'
import { type Ctx, mustGet, on, save } from '../../kernel/context.js'
import { type RunDoc, type WorkflowDoc, activeRunStatuses, isTerminal, terminalRunStatuses } from './documents.js'
import { publicView } from '../../kernel/doc-fields.js'
import { badRequest } from '../../kernel/http.js'
import { chooseGraph, startRun, workflowKind } from './runtime.js'
import { DEFAULT_LIMIT, MAX_LIMIT, newestFirst, select } from '../../kernel/selection.js'
import { runPredicates } from './predicates.js'
import { cancelRun, recountBatch, runContexts } from './simulation.js'
import type { CreatedRange, Where } from '../../kernel/store.js'

/** The workspace's runs (already brought up to date by the dispatcher), oldest first. */
export function workspaceRuns(ctx: Ctx, where: Where = {}, created?: CreatedRange): RunDoc[] {
  return ctx.store.find<RunDoc>('run', ctx.workspaceUuid, where, created).filter((run) => run.deletedAt === null)
}

/** Run filters that SQLite applies itself (equality on a stored field), by the field they test; statuses, isFinished and the creation dates are also applied in SQL (splitFilters). */
const storedFields: Record<string, string> = {
  workflowUuid: 'workflowUuid',
  userUuid: 'userUuid',
  batchUuid: 'batchUuid',
  releaseUuid: 'releaseUuid',
  parentBatchUuid: 'parentBatchUuid',
  parentUuid: 'parentUuid',
  parentNodeUuid: 'parentNodeUuid',
  recordId: 'recordId',
  uuids: 'uuid',
}

interface SqlFilters {
  where: Where
  created: CreatedRange
  /** the filters left to check on the documents */
  rest: Record<string, unknown>
}

/** A date filter as the stored `createdAt` strings compare, or undefined when it is not a date. */
function isoBound(value: unknown): string | undefined {
  const ms = Date.parse(String(value))
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** The filters split into what the query applies and what is checked on the documents afterwards. */
function splitFilters(filters: object): SqlFilters {
  const split: SqlFilters = { where: {}, created: {}, rest: {} }
  let statuses: readonly string[] | undefined
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || !Object.hasOwn(runPredicates, key)) continue
    const bound = key === 'createdAfter' || key === 'createdBefore' ? isoBound(value) : undefined
    if (key === 'statuses' || key === 'isFinished') {
      const allowed = key === 'statuses' ? (value as string[]) : value ? terminalRunStatuses : activeRunStatuses
      statuses = statuses ? statuses.filter((status) => allowed.includes(status)) : allowed
    } else if (bound !== undefined) split.created[key === 'createdAfter' ? 'after' : 'before'] = bound
    else if (Object.hasOwn(storedFields, key)) split.where[storedFields[key]] = value as Where[string]
    else split.rest[key] = value
  }
  if (statuses) split.where.status = statuses
  return split
}

export function selectRuns(ctx: Ctx, filters: object): RunDoc[] {
  const { where, created, rest } = splitFilters(filters)
  return newestFirst(select(workspaceRuns(ctx, where, created), rest, runPredicates))
}

/**
 * One page of the matching runs and how many match. When SQLite can apply every filter, it counts and
 * pages by itself and only the page's documents are read (a list over 30,000 runs reads ten).
 */
function runsPage(ctx: Ctx, request: { limit?: number; offset?: number }): { runs: RunDoc[]; count: number } {
  const bounds = { limit: Math.min(request.limit ?? DEFAULT_LIMIT, MAX_LIMIT), offset: request.offset ?? 0 }
  const { where, created, rest } = splitFilters(request)
  if (Object.keys(rest).length > 0) {
    const runs = selectRuns(ctx, request)
    return { runs: runs.slice(bounds.offset, bounds.offset + bounds.limit), count: runs.length }
  }
  return {
    runs: ctx.store.newestPage<RunDoc>('run', ctx.workspaceUuid, where, bounds, created),
    count: ctx.store.countLive('run', ctx.workspaceUuid, where, created),
  }
}

function countRuns(ctx: Ctx, filters: object): number {
  const { where, created, rest } = splitFilters(filters)
  return Object.keys(rest).length > 0 ? selectRuns(ctx, filters).length : ctx.store.countLive('run', ctx.workspaceUuid, where, created)
}

export function rejectPlay(ctx: Ctx, workflowUuid: string | undefined): void {
  if (workflowUuid === undefined) return
  const workflow = mustGet<WorkflowDoc>(ctx, 'workflow', workflowUuid, 'workflow')
  if (workflowKind(workflow) === 'play') throw badRequest('playNotCompatible')
}

const metricBuckets = { run: runStatus.options, record: recordStatus.options } as const

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

/** Cancels the runs still going; the batches they belong to are recounted (their counts follow their runs). */
export function cancelAll(ctx: Ctx, runs: readonly RunDoc[]): void {
  const batches = new Set<string>()
  for (const run of runs) {
    if (isTerminal(run.status)) continue
    save(ctx, 'run', cancelRun(run, ctx.now))
    if (run.batchUuid) batches.add(run.batchUuid)
  }
  for (const uuid of batches) recountBatch(ctx.store, ctx.workspaceUuid, uuid, ctx.now)
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
    const { runs, count } = runsPage(ctx, payload)
    return { runs: runs.map(publicView), count }
  }),
  on(api.countRuns, (ctx, payload) => ({ count: countRuns(ctx, payload) })),
  on(api.cancelRuns, (ctx, payload) => cancelAll(ctx, selectRuns(ctx, payload))),
  on(api.getRunMetrics, (ctx, payload) => ({ runMetrics: executionMetrics(selectRuns(ctx, payload), 'run') })),
]
