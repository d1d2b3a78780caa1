import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/observability.js'
import type { AlertAction, AlertPreview, AlertScope, AlertThreshold } from '../../../api/schemas/observability.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { sent, stamps } from '../../kernel/doc-fields.js'
import { badRequest } from '../../kernel/http.js'
import { after, among, before, equal, newestFirst, page, select } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { lastTicks, parseSchedule } from './cron.js'
import { type AlertDoc, type EventDoc, KINDS } from './documents.js'
import { measure, mismatch } from './measure.js'

/**
 * Alerts: stored with their schedule, evaluated when read. Each schedule tick since the last evaluation (the
 * latest three at most) measures the scope over the hour before it and records an event: healthy, unhealthy
 * (breached) or error (not computable). Firing the actions is not emulated: runUuids stay empty.
 */

const WINDOW_MINUTES = 60
const MAX_CATCH_UP = 3

const eventPredicates = { alertUuid: equal('alertUuid'), statuses: among('status'), createdAfter: after('createdAt'), createdBefore: before('createdAt') }
const alertOf = (ctx: Ctx, uuid: string) => mustGet<AlertDoc>(ctx, KINDS.alert, uuid, 'alert')

function eventStatus(preview: AlertPreview): EventDoc['status'] {
  if (preview.outcome === 'notComputed') return 'error'
  return preview.outcome === 'computed' && preview.isBreached ? 'unhealthy' : 'healthy'
}

/** Records the evaluations that fell due since the alert was last evaluated; answers the alert as it is now. */
function evaluateDue(ctx: Ctx, alert: AlertDoc): AlertDoc {
  const schedule = parseSchedule(alert.schedule.cron)
  if (!alert.isEnabled || typeof schedule === 'string') return alert
  const since = Date.parse(alert.lastEvaluatedAt ?? alert.createdAt)
  const ticks = lastTicks(schedule, Date.parse(alert.createdAt), since, ctx.now, MAX_CATCH_UP)
  for (const tick of ticks) {
    const preview = measure(ctx, alert.scope, alert.threshold, tick, WINDOW_MINUTES)
    const event: EventDoc = {
      uuid: randomUUID(),
      workspaceUuid: alert.workspaceUuid,
      alertUuid: alert.uuid,
      status: eventStatus(preview),
      value: preview.outcome === 'computed' ? preview.value : null,
      errorMessage: preview.outcome === 'notComputed' ? preview.computeErrorMessage : null,
      scope: alert.scope,
      threshold: alert.threshold,
      actions: alert.actions,
      runUuids: [],
      windowStartedAt: iso(tick - WINDOW_MINUTES * 60_000),
      windowEndedAt: iso(tick),
      createdAt: iso(tick),
    }
    ctx.store.put(KINDS.event, event, ctx.workspaceUuid, event.createdAt)
  }
  if (ticks.length === 0) return alert
  const evaluated = { ...alert, lastEvaluatedAt: iso(ticks[ticks.length - 1]) }
  save(ctx, KINDS.alert, evaluated)
  return evaluated
}

function eventsOf(ctx: Ctx, alertUuid: string): EventDoc[] {
  return newestFirst(live<EventDoc>(ctx, KINDS.event, { alertUuid }))
}

/** The alert as the API serves it: evaluated up to now, with its latest event. */
function served(ctx: Ctx, alert: AlertDoc) {
  const current = evaluateDue(ctx, alert)
  const [lastEvent] = eventsOf(ctx, alert.uuid)
  return { ...current, lastEvent: lastEvent ?? null }
}

const ACTION_TARGETS: Array<[field: string, kind: string]> = [
  ['agentUuid', 'agent'],
  ['toolUuid', 'tool'],
  ['connectorUuid', 'connector'],
  ['workflowUuid', 'workflow'],
]

/** Everything a create or an update checks: schedule, pair, SQL, model, folder, action targets. */
function checkDefinition(ctx: Ctx, fields: { cron?: string; scope?: AlertScope; threshold?: AlertThreshold; folderUuid?: string | null; actions?: AlertAction[] }): void {
  if (fields.cron !== undefined) {
    const schedule = parseSchedule(fields.cron)
    if (typeof schedule === 'string') throw badRequest('invalidCron', schedule)
  }
  const { scope, threshold } = fields
  if (scope && threshold) {
    const wrong = mismatch(scope, threshold)
    if (wrong) throw badRequest('mismatchedThreshold', wrong)
  }
  if (scope && (scope.kind === 'orchestrationQuery' || scope.kind === 'storageQuery') && !/^\s*(select|with)\b/i.test(scope.query)) {
    throw badRequest('invalidSql', 'The query of the scope must be one SELECT statement.')
  }
  if (scope?.kind === 'model' && !lookup(ctx, 'model', scope.modelUuid)) throw badRequest('modelNotFound', `No model matches ${scope.modelUuid}.`)
  if (fields.folderUuid) mustGet(ctx, 'folder', fields.folderUuid, 'folder')
  for (const action of fields.actions ?? []) {
    for (const [field, kind] of ACTION_TARGETS) {
      const target = (action as Record<string, unknown>)[field]
      if (typeof target === 'string' && !lookup(ctx, kind, target)) throw badRequest('actionNotFound', `The action's ${field} ${target} matches no ${kind}.`)
    }
  }
}

export const observabilityAlertHandlers = [
  on(api.listAlerts, (ctx) => ({ alerts: live<AlertDoc>(ctx, KINDS.alert).map((alert) => served(ctx, alert)) })),
  on(api.getAlert, (ctx, { uuid }) => ({ alert: served(ctx, alertOf(ctx, uuid)) })),
  on(api.createAlert, (ctx, payload) => {
    checkDefinition(ctx, payload)
    const alert: AlertDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      userUuid: ctx.userUuid,
      name: payload.name,
      description: payload.description ?? null,
      isEnabled: payload.isEnabled ?? true,
      schedule: { type: 'cron', cron: payload.cron, temporalScheduleWorkflowId: `alert-schedule-${ctx.now}` },
      scope: payload.scope,
      threshold: payload.threshold,
      actions: payload.actions ?? [],
      lastEvaluatedAt: null,
      folderUuid: payload.folderUuid ?? null,
      ...stamps(ctx),
      deletedAt: null,
    }
    alert.schedule.temporalScheduleWorkflowId = `alert-schedule-${alert.uuid}`
    save(ctx, KINDS.alert, alert)
    return { alert: { ...alert, lastEvent: null } }
  }),
  on(api.updateAlert, (ctx, payload) => {
    const alert = alertOf(ctx, payload.uuid)
    const scope = payload.scope ?? alert.scope
    const threshold = payload.threshold ?? alert.threshold
    checkDefinition(ctx, { ...payload, scope, threshold })
    const updated: AlertDoc = {
      ...alert,
      ...sent(payload, ['name', 'description', 'isEnabled', 'actions', 'folderUuid']),
      scope,
      threshold,
      schedule: payload.cron === undefined ? alert.schedule : { ...alert.schedule, cron: payload.cron },
      // a schedule that starts again evaluates from now, not from the ticks it slept through
      lastEvaluatedAt: payload.isEnabled === true && !alert.isEnabled ? iso(ctx.now) : alert.lastEvaluatedAt,
      updatedAt: iso(ctx.now),
    } as AlertDoc
    save(ctx, KINDS.alert, updated)
    return { alert: served(ctx, updated) }
  }),
  on(api.removeAlert, (ctx, { uuid }) => {
    save(ctx, KINDS.alert, { ...alertOf(ctx, uuid), deletedAt: iso(ctx.now) })
  }),
  on(api.previewAlert, (ctx, payload) => measure(ctx, payload.scope, payload.threshold, ctx.now, payload.windowMinutes ?? WINDOW_MINUTES)),
  on(api.listEvents, (ctx, payload) => {
    evaluateDue(ctx, alertOf(ctx, payload.alertUuid))
    const events = select(eventsOf(ctx, payload.alertUuid), payload, eventPredicates)
    return { count: events.length, events: page(events, payload) }
  }),
  on(api.countEvents, (ctx, payload) => {
    evaluateDue(ctx, alertOf(ctx, payload.alertUuid))
    return { count: select(eventsOf(ctx, payload.alertUuid), payload, eventPredicates).length }
  }),
]
