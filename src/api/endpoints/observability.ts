/**
 * The observability endpoints of alerts: scheduled thresholds over telemetry, queries or models, their
 * previews and the events of their evaluations (the spans and traces of runs are orchestration endpoints).
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import { alert, alertAction, alertEvent, alertPreview, alertScope, alertThreshold, eventStatus } from '../schemas/observability.js'

const alertNotFound = 'No alert matches this UUID; run `observability alert list`.'
const alertResult = z.looseObject({ alert })

const scopeDescription =
  'What to measure, as JSON: {kind:"runs"|"records"|"spans", workflowUuid?, statuses?, ...} (telemetry), {kind:"orchestrationQuery"|"storageQuery", query} (SQL) or {kind:"model", modelUuid, filter?}'
const thresholdDescription =
  'When to breach, as JSON {metric, operator: gte|lte, value, aggregation?}: telemetry scopes take errorRate, duration (avg|p50|p95|p99), credits (sum|avg|p95) or count; query scopes query; model scopes recordsCount, recordsShare, freshness or syncDuration'
const actionsDescription =
  'Actions fired on breach (each as its own run), as a JSON array of orchestration actions; config values may use {{alert.*}} and {{event.*}}'
const cronDescription = 'Schedule: a 5-field cron expression or @every <interval> (e.g. @every 30m), in UTC, at most once a minute'

/** Reasons of a create or an update: its schedule, SQL, pair and targets are checked. */
const definitionReasons = {
  invalidCron: 'The cron expression is not valid.',
  invalidSql: 'The SQL query of the scope is not valid.',
  mismatchedThreshold: 'This threshold metric cannot be computed over this scope (see --threshold in the help).',
  modelNotFound: 'The model named in the scope does not exist.',
  folderNotFound: 'The folder does not exist; see `workspaceManagement folder list`.',
  actionNotFound: 'An action points at a resource that does not exist.',
}

export const listAlerts = defineEndpoint({
  name: 'observability.listAlerts',
  method: 'GET',
  path: '/observability/alerts/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ alerts: z.array(alert) }),
  reasons: {},
})

export const getAlert = defineEndpoint({
  name: 'observability.getAlert',
  method: 'GET',
  path: '/observability/alerts/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the alert') }),
  result: alertResult,
  reasons: { alertNotFound },
})

export const createAlert = defineEndpoint({
  name: 'observability.createAlert',
  method: 'POST',
  path: '/observability/alerts',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name of the alert'),
    description: opt(z.string(), 'What the alert watches'),
    cron: req(z.string().min(1), cronDescription),
    isEnabled: opt(z.boolean(), 'Whether the alert is evaluated on its schedule (true when absent)'),
    actions: opt(z.array(alertAction), actionsDescription),
    folderUuid: opt(uuid, 'Folder to file the alert under'),
    scope: req(alertScope, scopeDescription),
    threshold: req(alertThreshold, thresholdDescription),
  }),
  result: alertResult,
  reasons: definitionReasons,
})

export const updateAlert = defineEndpoint({
  name: 'observability.updateAlert',
  method: 'PUT',
  path: '/observability/alerts/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the alert to change'),
    name: opt(z.string().min(1), 'New name'),
    description: optNull(z.string(), 'New description (null clears it)'),
    cron: opt(z.string().min(1), cronDescription),
    isEnabled: opt(z.boolean(), 'Whether the alert is evaluated on its schedule'),
    actions: opt(z.array(alertAction), actionsDescription),
    folderUuid: optNull(uuid, 'Folder to move the alert to (null takes it out of its folder)'),
    scope: opt(alertScope, scopeDescription),
    threshold: opt(alertThreshold, thresholdDescription),
  }),
  result: alertResult,
  reasons: { alertNotFound, ...definitionReasons },
})

export const removeAlert = defineEndpoint({
  name: 'observability.removeAlert',
  method: 'DELETE',
  path: '/observability/alerts/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the alert to delete') }),
  result: voidResult,
  reasons: { alertNotFound },
})

/** Evaluates a scope and threshold now: no action fired, no event recorded. */
export const previewAlert = defineEndpoint({
  name: 'observability.previewAlert',
  method: 'POST',
  path: '/observability/alerts/preview',
  payloadIn: 'body',
  payload: z.object({
    scope: req(alertScope, scopeDescription),
    threshold: req(alertThreshold, thresholdDescription),
    windowMinutes: opt(z.number().int().min(1), 'Look-back window of telemetry scopes, in minutes (default 60; model and query scopes ignore it)'),
  }),
  result: alertPreview,
  reasons: {},
  idempotent: true,
})

const eventFilters = {
  alertUuid: req(uuid, 'UUID of the alert'),
  statuses: opt(z.array(eventStatus), 'Only events with these statuses'),
  createdAfter: opt(isoDate, 'Only events recorded after this instant'),
  createdBefore: opt(isoDate, 'Only events recorded before this instant'),
}

export const listEvents = defineEndpoint({
  name: 'observability.listEvents',
  method: 'POST',
  path: '/observability/events/list',
  payloadIn: 'body',
  payload: z.object({
    ...eventFilters,
    limit: opt(z.number().int().min(1), 'Page size'),
    offset: opt(z.number().int().min(0), 'Events to skip'),
  }),
  result: z.looseObject({ count: z.number(), events: z.array(alertEvent) }),
  reasons: {},
  idempotent: true,
})

export const countEvents = defineEndpoint({
  name: 'observability.countEvents',
  method: 'POST',
  path: '/observability/events/count',
  payloadIn: 'body',
  payload: z.object(eventFilters),
  result: z.looseObject({ count: z.number() }),
  reasons: {},
  idempotent: true,
})
