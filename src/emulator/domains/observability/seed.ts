import type { Kind, StoredDoc } from '../../kernel/store.js'
import { type AlertDoc, type EventDoc, KINDS } from './documents.js'
import { seededId as id } from '../../kernel/seeded.js'

/**
 * The alerts catalogue: an hourly error-rate alert over the runs of the seeded tool's workflow, with two past
 * evaluations, and a paused alert over the Companies model. Uuids are part of the emulator's contract.
 */

export const OBSERVABILITY_SEED = {
  errorRateAlertUuid: id(0x73001),
  modelAlertUuid: id(0x73002),
  events: [id(0x73011), id(0x73012)],
} as const

export interface SeedOwner {
  workspaceUuid: string
  userUuid: string
  at: string
  /** the seeded tool's workflow, whose runs the error-rate alert watches */
  workflowUuid: string
  modelUuid: string
}

export function observabilityDocs(owner: SeedOwner): Array<[Kind, StoredDoc]> {
  const { workspaceUuid, userUuid, at } = owner
  const hour = (n: number) => new Date(Date.parse(at) + n * 3_600_000).toISOString()
  const base = { workspaceUuid, userUuid, actions: [], folderUuid: null, createdAt: at, updatedAt: at, deletedAt: null }
  const errorRate: AlertDoc = {
    ...base,
    uuid: OBSERVABILITY_SEED.errorRateAlertUuid,
    name: 'Company enrichment error rate',
    description: 'More than 10% of the enrichment runs of an hour fail',
    isEnabled: true,
    schedule: { type: 'cron', cron: '0 * * * *', temporalScheduleWorkflowId: `alert-schedule-${OBSERVABILITY_SEED.errorRateAlertUuid}` },
    scope: { kind: 'runs', workflowUuid: owner.workflowUuid },
    threshold: { metric: 'errorRate', operator: 'gte', value: 10 },
    lastEvaluatedAt: hour(2),
  }
  const model: AlertDoc = {
    ...base,
    uuid: OBSERVABILITY_SEED.modelAlertUuid,
    name: 'Few companies',
    description: null,
    isEnabled: false,
    schedule: { type: 'cron', cron: '@every 1h', temporalScheduleWorkflowId: `alert-schedule-${OBSERVABILITY_SEED.modelAlertUuid}` },
    scope: { kind: 'model', modelUuid: owner.modelUuid },
    threshold: { metric: 'recordsCount', operator: 'lte', value: 3 },
    lastEvaluatedAt: null,
  }
  const event = (uuid: string, n: number, value: number): EventDoc => ({
    uuid,
    workspaceUuid,
    alertUuid: errorRate.uuid,
    status: value >= 10 ? 'unhealthy' : 'healthy',
    value,
    errorMessage: null,
    scope: errorRate.scope,
    threshold: errorRate.threshold,
    actions: [],
    runUuids: [],
    windowStartedAt: hour(n - 1),
    windowEndedAt: hour(n),
    createdAt: hour(n),
  })
  return [
    [KINDS.alert, errorRate],
    [KINDS.alert, model],
    [KINDS.event, event(OBSERVABILITY_SEED.events[0], 1, 0)],
    [KINDS.event, event(OBSERVABILITY_SEED.events[1], 2, 25)],
  ]
}
