import type { Json, JsonObject } from '../../expressions.js'
import {
  type BatchDoc,
  type Execution,
  type RunDoc,
  activeBatchStatuses,
  activeRunStatuses,
  isTerminal,
  terminalRunStatuses,
} from './documents.js'
import type { Store } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'

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

/** The next moment after `now` at which the run's visible state changes, or null once it no longer can. */
function nextChange(run: RunDoc, now: number): number | null {
  if (run._sim.cancelledAt !== null) return null
  for (let index = 0; index <= run._sim.executions.length; index++) {
    const boundary = run._sim.startAt + index * run._sim.nodeMs
    if (boundary > now) return boundary
  }
  return null
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
    _settleAt: nextChange(run, now),
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

/** What a batch shows of its runs. */
export interface BatchProgress {
  runsCount: number
  finishedCount: number
  failedCount: number
  creditsUsedCount: number
  /** latest updatedAt of its runs (epoch ms), NaN without runs */
  lastUpdateMs: number
  /** latest finishedAt (else updatedAt) of its finished runs, NaN when none */
  lastFinishMs: number
}

const maxOf = (values: readonly number[]) => (values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.max(a, b)))

export function progressOf(runs: readonly RunDoc[]): BatchProgress {
  const finished = runs.filter((run) => isTerminal(run.status))
  return {
    runsCount: runs.length,
    finishedCount: finished.length,
    failedCount: runs.filter((run) => run.status === 'error').length,
    creditsUsedCount: runs.reduce((sum, run) => sum + run.executions.reduce((s, e) => s + Number(e.creditsUsedCount ?? 0), 0), 0),
    lastUpdateMs: maxOf(runs.map((run) => Date.parse(run.updatedAt))),
    lastFinishMs: maxOf(finished.map((run) => Date.parse(run.finishedAt ?? run.updatedAt))),
  }
}

const terminalList = terminalRunStatuses.map((status) => `'${status}'`).join(', ')

/** `progressOf` computed by SQLite from the stored runs, without reading them into JS (batches of thousands). */
function storedProgress(store: Store, workspaceUuid: string, batchUuid: string): BatchProgress {
  const row = store.db
    .prepare(
      `SELECT count(*) AS runsCount,
        total(json_extract(data, '$.status') IN (${terminalList})) AS finishedCount,
        total(json_extract(data, '$.status') = 'error') AS failedCount,
        total((SELECT total(json_extract(execution.value, '$.creditsUsedCount')) FROM json_each(data, '$.executions') AS execution)) AS creditsUsedCount,
        max(json_extract(data, '$.updatedAt')) AS lastUpdate,
        max(CASE WHEN json_extract(data, '$.status') IN (${terminalList}) THEN coalesce(json_extract(data, '$.finishedAt'), json_extract(data, '$.updatedAt')) END) AS lastFinish
      FROM entities WHERE kind = 'run' AND json_extract(data, '$.batchUuid') = ? AND workspace_uuid = ?`,
    )
    .get(batchUuid, workspaceUuid) as Omit<BatchProgress, 'lastUpdateMs' | 'lastFinishMs'> & { lastUpdate: string | null; lastFinish: string | null }
  const { lastUpdate, lastFinish, ...counts } = row
  return { ...counts, lastUpdateMs: lastUpdate ? Date.parse(lastUpdate) : Number.NaN, lastFinishMs: lastFinish ? Date.parse(lastFinish) : Number.NaN }
}

export function materializeBatch(batch: BatchDoc, runs: readonly RunDoc[], now: number): BatchDoc {
  return progressBatch(batch, progressOf(runs), now)
}

/** NaN-free maximum: the batch's creation when its runs say nothing. */
const latest = (createdAt: string, ms: number) => (Number.isNaN(ms) ? Date.parse(createdAt) : Math.max(Date.parse(createdAt), ms))

/**
 * A batch as stored: besides its public counts it keeps the latest finish of its runs, so that settling
 * can add what its runs' changes bring without reading its other runs (null: none finished; absent:
 * stored before it was kept, recounted once).
 */
type CountedBatch = BatchDoc & { _lastFinishMs?: number | null }

function progressBatch(batch: CountedBatch, progress: BatchProgress, now: number): CountedBatch {
  const { runsCount, finishedCount, failedCount } = progress
  const counts = {
    runsCount,
    executedRunsCount: finishedCount,
    failedRunsCount: failedCount,
    creditsUsedCount: progress.creditsUsedCount,
    runsStatus: finishedCount === 0 ? null : failedCount * 2 > finishedCount ? ('unhealthy' as const) : ('healthy' as const),
  }
  const status = batchStatus(batch, runsCount, finishedCount, now)
  const finishedAtMs = batch._cancelledAt ?? latest(batch.createdAt, progress.lastFinishMs)
  return {
    ...batch,
    ...counts,
    status,
    updatedAt: iso(latest(batch.createdAt, progress.lastUpdateMs)),
    finishedAt: isTerminal(status) ? iso(finishedAtMs) : null,
    _lastFinishMs: Number.isNaN(progress.lastFinishMs) ? null : progress.lastFinishMs,
    // its runs' changes bring it up to date; on its own it only moves at its start
    _settleAt: batch._cancelledAt === null && now < batch._startAt ? batch._startAt : null,
  }
}

function batchStatus(batch: BatchDoc, runsCount: number, finishedCount: number, now: number): string {
  if (batch._cancelledAt !== null) return 'cancelled'
  if (runsCount > 0 && finishedCount === runsCount) return 'success'
  return now < batch._startAt ? 'pending' : 'running'
}

// ---------------------------------------------------------------------------------------------

function changed(before: object, after: object): boolean {
  return JSON.stringify(before) !== JSON.stringify(after)
}

/** The batch's progress as it stored it, or undefined when it must be recounted from its runs. */
function keptProgress(batch: CountedBatch): BatchProgress | undefined {
  if (batch._lastFinishMs === undefined) return undefined
  return {
    runsCount: batch.runsCount,
    finishedCount: batch.executedRunsCount,
    failedCount: batch.failedRunsCount,
    creditsUsedCount: batch.creditsUsedCount,
    lastUpdateMs: Date.parse(batch.updatedAt),
    lastFinishMs: batch._lastFinishMs ?? Number.NaN,
  }
}

const creditsOf = (run: RunDoc) => run.executions.reduce((sum, e) => sum + Number(e.creditsUsedCount ?? 0), 0)
const finishOf = (run: RunDoc) => (isTerminal(run.status) ? Date.parse(run.finishedAt ?? run.updatedAt) : Number.NaN)
const latestOf = (a: number, b: number) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b))

/** What one run's move from `before` to `after` adds to its batch's progress. */
function addMove(progress: BatchProgress, before: RunDoc, after: RunDoc): BatchProgress {
  const count = (test: (run: RunDoc) => boolean) => Number(test(after)) - Number(test(before))
  return {
    runsCount: progress.runsCount,
    finishedCount: progress.finishedCount + count((run) => isTerminal(run.status)),
    failedCount: progress.failedCount + count((run) => run.status === 'error'),
    creditsUsedCount: progress.creditsUsedCount + creditsOf(after) - creditsOf(before),
    lastUpdateMs: latestOf(progress.lastUpdateMs, Date.parse(after.updatedAt)),
    lastFinishMs: latestOf(progress.lastFinishMs, finishOf(after)),
  }
}

/** Counts a batch again from all its runs, in SQL (after runs were cancelled outside settling). */
export function recountBatch(store: Store, workspaceUuid: string, batchUuid: string, now: number): void {
  const batch = store.get<CountedBatch>('batch', batchUuid)
  if (!batch || isTerminal(batch.status)) return
  const next = progressBatch(batch, storedProgress(store, workspaceUuid, batchUuid), now)
  if (changed(batch, next)) store.put('batch', next, workspaceUuid)
}

/**
 * Writes back every run and batch of the workspace whose visible state moved on since it was stored.
 * Only what is due is read (`_settleAt`, indexed), and a batch adds up the moves of its runs that moved:
 * a request during a batch of thousands of runs reads the few runs that changed, not the batch's others.
 */
export function settle(store: Store, workspaceUuid: string, now: number): void {
  const moves = new Map<string, Array<[RunDoc, RunDoc]>>()
  for (const run of store.due<RunDoc>('run', workspaceUuid, now)) {
    const next = materializeRun(run, now)
    if (!changed(run, next)) continue
    store.put('run', next, workspaceUuid)
    if (next.batchUuid) moves.set(next.batchUuid, [...(moves.get(next.batchUuid) ?? []), [run, next]])
  }
  const batches = new Map(store.due<CountedBatch>('batch', workspaceUuid, now).map((batch) => [batch.uuid, batch]))
  for (const uuid of moves.keys()) {
    const batch = batches.has(uuid) ? undefined : store.get<CountedBatch>('batch', uuid)
    if (batch && !isTerminal(batch.status)) batches.set(uuid, batch)
  }
  for (const batch of batches.values()) {
    const kept = keptProgress(batch)
    const progress = kept
      ? (moves.get(batch.uuid) ?? []).reduce((sum, [before, after]) => addMove(sum, before, after), kept)
      : storedProgress(store, workspaceUuid, batch.uuid)
    const next = progressBatch(batch, progress, now)
    if (changed(batch, next)) store.put('batch', next, workspaceUuid)
  }
}

const SETTLE_INDEX_META = 'settleIndex'

/**
 * Runs and batches stored before `_settleAt` existed are made due at once, so that the next request
 * settles them (once per database file).
 */
export function prepareSettling(store: Store): void {
  if (store.getMeta(SETTLE_INDEX_META) === '1') return
  const active = (statuses: readonly string[]) => statuses.map((status) => `'${status}'`).join(', ')
  for (const [kind, statuses] of [['run', activeRunStatuses], ['batch', activeBatchStatuses]] as const) {
    store.db
      .prepare(
        `UPDATE entities SET data = json_set(data, '$._settleAt', 0)
         WHERE kind = ? AND json_extract(data, '$.status') IN (${active(statuses)}) AND json_type(data, '$._settleAt') IS NULL`,
      )
      .run(kind)
  }
  store.setMeta(SETTLE_INDEX_META, '1')
}
