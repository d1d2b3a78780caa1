import type { Json, JsonObject } from './expressions.js'
import {
  type BatchDoc,
  type Execution,
  type RunDoc,
  activeBatchStatuses,
  activeRunStatuses,
  isTerminal,
} from './documents.js'
import type { Store } from './store.js'
import { iso } from './timing.js'

/**
 * Simulated time: a run is `pending` until its start, `running` while its nodes execute one after
 * the other, then takes its planned final status. Visible state is recomputed from the timeline on every
 * request and written back when it changed, so that SQL queries and other processes see it too.
 */

interface Window {
  startedAt: number
  finishedAt: number
}

function windowOf(run: RunDoc, index: number): Window {
  const startedAt = run._sim.startAt + index * run._sim.nodeMs
  return { startedAt, finishedAt: startedAt + run._sim.nodeMs }
}

function endOf(run: RunDoc): number {
  return run._sim.startAt + run._sim.executions.length * run._sim.nodeMs
}

/** The time up to which the run's timeline is visible: now, or the moment it was cancelled. */
function horizon(run: RunDoc, now: number): number {
  return run._sim.cancelledAt === null ? now : Math.min(now, run._sim.cancelledAt)
}

function visibleExecution(run: RunDoc, index: number, at: number): Execution | undefined {
  const planned = run._sim.executions[index]
  const { startedAt, finishedAt } = windowOf(run, index)
  if (at < startedAt) return undefined
  if (at < finishedAt) {
    return {
      ...planned,
      status: 'pending',
      errorMessage: null,
      nodeChildIndex: null,
      nextNodeUuid: null,
      title: null,
      creditsUsedCount: 0,
      startedAt: iso(startedAt),
      updatedAt: iso(startedAt),
      finishedAt: null,
    }
  }
  return { ...planned, startedAt: iso(startedAt), updatedAt: iso(finishedAt), finishedAt: iso(finishedAt) }
}

function runStatusAt(run: RunDoc, at: number): string {
  if (run._sim.cancelledAt !== null) return 'cancelled'
  if (at < run._sim.startAt) return 'pending'
  if (at < endOf(run)) return 'running'
  return run._sim.status
}

/** The run as it looks at `now`. */
export function materializeRun(run: RunDoc, now: number): RunDoc {
  const at = horizon(run, now)
  const executions = run._sim.executions.map((_, index) => visibleExecution(run, index, at)).filter((e): e is Execution => !!e)
  const status = runStatusAt(run, at)
  const finished = isTerminal(status)
  const finishedAtMs = run._sim.cancelledAt ?? endOf(run)
  const lastEvent = Math.max(Date.parse(run.createdAt), ...executions.map((e) => Date.parse(String(e.updatedAt))))
  return {
    ...run,
    status,
    errorMessage: status === 'error' ? run._sim.errorMessage : null,
    executions,
    updatedAt: iso(finished ? Math.max(lastEvent, finishedAtMs) : lastEvent),
    finishedAt: finished ? iso(finishedAtMs) : null,
  }
}

/** `runContext` / `runComputedConfigs` of GET runs/{uuid}: finished nodes' outputs, started nodes' configs. */
export function runContexts(run: RunDoc): { runContext: Record<string, Json>; runComputedConfigs: Record<string, JsonObject> } {
  const runContext: Record<string, Json> = {}
  const runComputedConfigs: Record<string, JsonObject> = {}
  for (const execution of run.executions) {
    const slug = String(execution.nodeSlug)
    if (slug in run._sim.computedConfigs) runComputedConfigs[slug] = run._sim.computedConfigs[slug]
    if (execution.status !== 'pending' && slug in run._sim.context) runContext[slug] = run._sim.context[slug]
  }
  return { runContext, runComputedConfigs }
}

/** The output of a finished run: its end node's variables, or the given node's output. */
export function runOutput(run: RunDoc, nodeSlug?: string): Json {
  const { runContext } = runContexts(run)
  const slug = nodeSlug ?? run._sim.outputSlug
  return slug ? (runContext[slug] ?? null) : null
}

export function cancelRun(run: RunDoc, now: number): RunDoc {
  if (isTerminal(materializeRun(run, now).status)) return run
  return materializeRun({ ...run, _sim: { ...run._sim, cancelledAt: now } }, now)
}

// ---------------------------------------------------------------------------------------------
// Batches: their counts and status follow their runs

export function materializeBatch(batch: BatchDoc, runs: readonly RunDoc[], now: number): BatchDoc {
  const finished = runs.filter((run) => isTerminal(run.status))
  const failed = runs.filter((run) => run.status === 'error').length
  const counts = {
    runsCount: runs.length,
    executedRunsCount: finished.length,
    failedRunsCount: failed,
    creditsUsedCount: runs.reduce((sum, run) => sum + run.executions.reduce((s, e) => s + Number(e.creditsUsedCount ?? 0), 0), 0),
    runsStatus: finished.length === 0 ? null : failed * 2 > finished.length ? ('unhealthy' as const) : ('healthy' as const),
  }
  const status = batchStatus(batch, runs, finished.length, now)
  const ends = finished.map((run) => Date.parse(run.finishedAt ?? run.updatedAt))
  const finishedAtMs = batch._cancelledAt ?? Math.max(Date.parse(batch.createdAt), ...ends)
  return {
    ...batch,
    ...counts,
    status,
    updatedAt: iso(Math.max(Date.parse(batch.createdAt), ...runs.map((run) => Date.parse(run.updatedAt)))),
    finishedAt: isTerminal(status) ? iso(finishedAtMs) : null,
  }
}

function batchStatus(batch: BatchDoc, runs: readonly RunDoc[], finishedCount: number, now: number): string {
  if (batch._cancelledAt !== null) return 'cancelled'
  if (runs.length > 0 && finishedCount === runs.length) return 'success'
  return now < batch._startAt ? 'pending' : 'running'
}

// ---------------------------------------------------------------------------------------------

function changed(before: object, after: object): boolean {
  return JSON.stringify(before) !== JSON.stringify(after)
}

/** Writes back every run and batch of the workspace whose visible state moved on since it was stored. */
export function settle(store: Store, workspaceUuid: string, now: number): void {
  for (const run of store.find<RunDoc>('run', workspaceUuid, { status: activeRunStatuses })) {
    const next = materializeRun(run, now)
    if (changed(run, next)) store.put('run', next, workspaceUuid)
  }
  for (const batch of store.find<BatchDoc>('batch', workspaceUuid, { status: activeBatchStatuses })) {
    const next = materializeBatch(batch, store.find<RunDoc>('run', workspaceUuid, { batchUuid: batch.uuid }), now)
    if (changed(batch, next)) store.put('batch', next, workspaceUuid)
  }
}
