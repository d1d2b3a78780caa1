import type { Alert, AlertEvent } from '../../../api/schemas/observability.js'
import type { StoredDoc } from '../../kernel/store.js'

/**
 * The stored documents of alerts: the alert (its latest event is looked up when served) and its events. Field
 * types come from the api schemas; fields the API sends as null are stored as null.
 */

export const KINDS = { alert: 'alert', event: 'alertEvent' } as const

export interface AlertDoc extends StoredDoc {
  workspaceUuid: string
  userUuid: string
  name: string
  description: string | null
  isEnabled: boolean
  schedule: Alert['schedule']
  scope: Alert['scope']
  threshold: Alert['threshold']
  actions: Alert['actions']
  lastEvaluatedAt: string | null
  folderUuid: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface EventDoc extends StoredDoc {
  workspaceUuid: string
  alertUuid: string
  status: AlertEvent['status']
  value: number | null
  errorMessage: string | null
  scope: AlertEvent['scope']
  threshold: AlertEvent['threshold']
  actions: AlertEvent['actions']
  runUuids: string[]
  windowStartedAt: string
  windowEndedAt: string
  createdAt: string
}
