import { type AlertPreview, type AlertScope, type AlertThreshold, thresholdMetricsByScope } from '../../../api/schemas/observability.js'
import { type Ctx, live, lookup } from '../../kernel/context.js'
import type { RunDoc } from '../orchestration/documents.js'
import { materializeRun } from '../orchestration/simulation.js'

/**
 * What an alert measures, computed from the emulator's own runs (runs, records and spans scopes, over the
 * window that ends at `until`) and models (model scope). errorRate, recordsShare are percents; duration is in
 * milliseconds; freshness in minutes. SQL scopes are not computed by the emulator.
 */

type TelemetryScope = Extract<AlertScope, { kind: 'runs' | 'records' | 'spans' }>

interface Sample {
  status: string
  failed: boolean
  durationMs: number | null
  credits: number
}

const notComputed = (computeErrorMessage: string): AlertPreview => ({ outcome: 'notComputed', computeErrorMessage })

/** The scope/threshold matrix: a metric the scope cannot give is refused by name. */
export function mismatch(scope: AlertScope, threshold: AlertThreshold): string | undefined {
  const allowed: readonly string[] = thresholdMetricsByScope[scope.kind]
  if (allowed.includes(threshold.metric)) return undefined
  return `The metric ${threshold.metric} cannot be computed over a ${scope.kind} scope; it takes ${allowed.join(', ')}.`
}

function contains(text: string | null | undefined, search: string | undefined): boolean {
  return search === undefined || (text ?? '').toLowerCase().includes(search.toLowerCase())
}

function runsIn(ctx: Ctx, scope: TelemetryScope, from: number, until: number): RunDoc[] {
  const where: Record<string, string> = scope.workflowUuid ? { workflowUuid: scope.workflowUuid } : {}
  return live<RunDoc>(ctx, 'run', where)
    .filter((run) => {
      const created = Date.parse(run.createdAt)
      return created > from && created <= until
    })
    .map((run) => materializeRun(run, until))
    .filter((run) => (scope.userUuid === undefined || run.userUuid === scope.userUuid) && ('releaseUuid' in scope && scope.releaseUuid ? run.releaseUuid === scope.releaseUuid : true))
}

function telemetrySamples(ctx: Ctx, scope: TelemetryScope, from: number, until: number): Sample[] {
  const runs = runsIn(ctx, scope, from, until)
  if (scope.kind === 'spans') {
    const statuses = scope.executionStatuses
    return runs
      .flatMap((run) => run.executions.map((execution) => ({ run, execution })))
      .filter(({ run, execution }) => {
        const matches = (field: string, value: string | undefined) => value === undefined || execution[field] === value
        return (
          matches('nodeKind', scope.nodeKind) &&
          matches('nodeIntegrationSlug', scope.nodeIntegrationSlug) &&
          matches('nodeActionSlug', scope.nodeActionSlug) &&
          (scope.parentAgentUuid === undefined || run.parentAgentUuid === scope.parentAgentUuid) &&
          contains(String(execution.title ?? execution.errorMessage ?? ''), scope.executionTitleOrErrorMessage)
        )
      })
      .map(({ execution }) => {
        const status = String(execution.status)
        const started = Date.parse(String(execution.createdAt))
        const ended = Date.parse(String(execution.updatedAt))
        return {
          status,
          failed: statuses ? statuses.includes(status) : status === 'error',
          durationMs: Number.isFinite(started) && Number.isFinite(ended) ? ended - started : null,
          credits: Number(execution.creditsUsedCount ?? 0),
        }
      })
  }
  const search = scope.kind === 'runs' ? scope.recordTitleOrErrorMessage : scope.titleOrErrorMessage
  return runs
    .filter((run) => contains(run.recordTitle, search) || contains(run.errorMessage, search))
    .map((run) => ({
      status: run.status,
      failed: scope.statuses ? scope.statuses.includes(run.status) : run.status === 'error',
      durationMs: run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.createdAt) : null,
      credits: run.executions.reduce((sum, execution) => sum + Number(execution.creditsUsedCount ?? 0), 0),
    }))
}

function aggregate(values: number[], aggregation: string): number {
  const sorted = [...values].sort((a, b) => a - b)
  const percentile = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
  switch (aggregation) {
    case 'sum':
      return sorted.reduce((sum, value) => sum + value, 0)
    case 'p50':
      return percentile(50)
    case 'p95':
      return percentile(95)
    case 'p99':
      return percentile(99)
    default:
      return sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  }
}

const breached = (value: number, threshold: AlertThreshold) => (threshold.operator === 'gte' ? value >= threshold.value : value <= threshold.value)
const computed = (value: number, threshold: AlertThreshold, extra: { total?: number; failed?: number } = {}): AlertPreview => ({
  outcome: 'computed',
  value: Math.round(value * 100) / 100,
  ...extra,
  isBreached: breached(value, threshold),
})

function measureTelemetry(ctx: Ctx, scope: TelemetryScope, threshold: AlertThreshold, from: number, until: number): AlertPreview {
  const samples = telemetrySamples(ctx, scope, from, until)
  const failed = samples.filter((sample) => sample.failed).length
  switch (threshold.metric) {
    case 'count':
      // a real 0: nothing happened, and that is what is measured
      return computed(scope.kind !== 'spans' && scope.statuses ? failed : samples.length, threshold, { total: samples.length })
    case 'errorRate':
      return samples.length === 0 ? { outcome: 'empty' } : computed((failed / samples.length) * 100, threshold, { total: samples.length, failed })
    case 'duration': {
      const durations = samples.map((sample) => sample.durationMs).filter((ms): ms is number => ms !== null)
      return durations.length === 0 ? { outcome: 'empty' } : computed(aggregate(durations, threshold.aggregation ?? 'avg'), threshold, { total: durations.length })
    }
    default:
      return samples.length === 0 ? { outcome: 'empty' } : computed(aggregate(samples.map((sample) => sample.credits), threshold.aggregation ?? 'sum'), threshold, { total: samples.length })
  }
}

interface ModelLike {
  uuid: string
  updatedAt: string
  _records?: unknown[]
}

function measureModel(ctx: Ctx, scope: Extract<AlertScope, { kind: 'model' }>, threshold: AlertThreshold, until: number): AlertPreview {
  const model = lookup<ModelLike & { [key: string]: unknown }>(ctx, 'model', scope.modelUuid)
  if (!model) return notComputed(`The model ${scope.modelUuid} does not exist.`)
  const records = model._records?.length ?? 0
  switch (threshold.metric) {
    case 'recordsCount':
      return computed(records, threshold)
    case 'recordsShare':
      return records === 0 ? { outcome: 'empty' } : computed(100, threshold, { total: records })
    case 'freshness':
      return computed((until - Date.parse(model.updatedAt)) / 60_000, threshold)
    default:
      // the emulator's models are never synced
      return { outcome: 'empty' }
  }
}

/** One evaluation of a scope and threshold over the window that ends at `until`. */
export function measure(ctx: Ctx, scope: AlertScope, threshold: AlertThreshold, until: number, windowMinutes: number): AlertPreview {
  const wrong = mismatch(scope, threshold)
  if (wrong) return notComputed(wrong)
  switch (scope.kind) {
    case 'model':
      return measureModel(ctx, scope, threshold, until)
    case 'orchestrationQuery':
    case 'storageQuery':
      return notComputed('The emulator does not compute SQL scopes; run the query with storage query execute to size the threshold.')
    default:
      return measureTelemetry(ctx, scope, threshold, until - windowMinutes * 60_000, until)
  }
}
