/**
 * Observability domain, alerts (entities.md, "observability"): a scheduled threshold over telemetry (spans,
 * runs, records), a SQL query or a model, and the events of its evaluations. The spans and traces of runs
 * are orchestration entities (orchestration.ts).
 */
import { z } from 'zod'
import { entity, jsonObject, timestamp } from './common.js'

export const eventStatus = z.enum(['healthy', 'unhealthy', 'error'])
export type EventStatus = z.infer<typeof eventStatus>

const text = z.string().min(1)
const texts = z.array(z.string())

/** What an alert measures; each kind takes some threshold metrics only (see thresholdMetricsByScope). */
export const alertScope = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('spans'),
    workflowUuid: text.optional(),
    parentAgentUuid: text.optional(),
    nodeKind: text.optional(),
    nodeIntegrationSlug: text.optional(),
    nodeConnectorUuid: text.optional(),
    nodeActionSlug: text.optional(),
    nodeToolUuid: text.optional(),
    nodeAgentUuid: text.optional(),
    executionTitleOrErrorMessage: z.string().optional(),
    executionStatuses: texts.optional(),
    userUuid: text.optional(),
  }),
  z.looseObject({
    kind: z.literal('runs'),
    workflowUuid: text.optional(),
    statuses: texts.optional(),
    recordTitleOrErrorMessage: z.string().optional(),
    releaseUuid: text.optional(),
    userUuid: text.optional(),
  }),
  z.looseObject({
    kind: z.literal('records'),
    workflowUuid: text.optional(),
    statuses: texts.optional(),
    titleOrErrorMessage: z.string().optional(),
    releaseUuid: text.optional(),
    userUuid: text.optional(),
  }),
  z.looseObject({ kind: z.literal('orchestrationQuery'), query: text }),
  z.looseObject({ kind: z.literal('storageQuery'), query: text }),
  z.looseObject({ kind: z.literal('model'), modelUuid: text, filter: jsonObject.optional() }),
])
export type AlertScope = z.infer<typeof alertScope>

export const thresholdOperator = z.enum(['gte', 'lte'])

/** The metrics a threshold may name over each scope kind: another pair is `mismatchedThreshold`. */
export const thresholdMetricsByScope = {
  spans: ['errorRate', 'duration', 'credits', 'count'],
  runs: ['errorRate', 'duration', 'credits', 'count'],
  records: ['errorRate', 'duration', 'credits', 'count'],
  orchestrationQuery: ['query'],
  storageQuery: ['query'],
  model: ['recordsCount', 'recordsShare', 'freshness', 'syncDuration'],
} as const satisfies Record<AlertScope['kind'], readonly string[]>

export const alertThreshold = z.looseObject({
  metric: z.enum(['errorRate', 'duration', 'credits', 'count', 'query', 'recordsCount', 'recordsShare', 'freshness', 'syncDuration']),
  operator: thresholdOperator,
  value: z.number(),
  aggregation: z.enum(['avg', 'sum', 'p50', 'p95', 'p99']).optional(),
})
export type AlertThreshold = z.infer<typeof alertThreshold>

/** An orchestration action fired on breach, as its own run; config values may hold {{alert.*}} / {{event.*}}. */
export const alertAction = z.looseObject({ kind: text })
export type AlertAction = z.infer<typeof alertAction>

export const alertEvent = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  alertUuid: z.string(),
  status: eventStatus,
  value: z.number().optional(),
  errorMessage: z.string().optional(),
  scope: alertScope,
  threshold: alertThreshold,
  actions: z.array(alertAction),
  runUuids: z.array(z.string()),
  windowStartedAt: timestamp,
  windowEndedAt: timestamp,
  createdAt: timestamp,
})
export type AlertEvent = z.infer<typeof alertEvent>

export const alert = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  userUuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  isEnabled: z.boolean(),
  schedule: z.looseObject({ type: z.literal('cron'), cron: z.string(), temporalScheduleWorkflowId: z.string().optional() }),
  scope: alertScope,
  threshold: alertThreshold,
  actions: z.array(alertAction),
  lastEvaluatedAt: timestamp.optional(),
  folderUuid: z.string().optional(),
  lastEvent: alertEvent.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Alert = z.infer<typeof alert>

/** A preview's answer: nothing to measure, a pair that cannot be computed (a normal answer), or a value. */
export const alertPreview = z.discriminatedUnion('outcome', [
  z.looseObject({ outcome: z.literal('empty') }),
  z.looseObject({ outcome: z.literal('notComputed'), computeErrorMessage: z.string() }),
  z.looseObject({ outcome: z.literal('computed'), value: z.number(), total: z.number().optional(), failed: z.number().optional(), isBreached: z.boolean() }),
])
export type AlertPreview = z.infer<typeof alertPreview>
