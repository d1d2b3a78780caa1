import type { JsonObject } from '../../expressions.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored system-of-record documents: the systems, their migrations and cutovers (progress), and their logs. */

export interface Progress {
  uuid: string
  status: 'running' | 'success' | 'error'
  errorMessage: string | null
  createdAt: string
  finishedAt: string | null
}

export interface Cutover extends Progress {
  role: 'source' | 'target'
  sourceSystemOfRecordUuid: string
  targetSystemOfRecordUuid: string
  tablesTotal: number
  tablesMigrated: number
}

export interface SorDoc extends StoredDoc {
  workspaceUuid: string
  config: JsonObject
  lastMigration: Progress | null
  cutover: Cutover | null
  isActive: boolean
  deletedAt: string | null
  /** epoch ms when the running migration / cutover ends */
  _migrationEndsAt?: number
  _cutoverEndsAt?: number
}

export interface LogDoc extends StoredDoc {
  query: string
  status: 'success' | 'error'
  processedBytesCount: number
  startedAt: string
  finishedAt: string
  createdAt: string
}
