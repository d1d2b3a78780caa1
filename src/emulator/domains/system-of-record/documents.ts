import type { JsonObject } from '../../expressions.js'
import type { z } from 'zod'
import type { cutover, migration, SystemOfRecord, systemOfRecordLog } from '../../../api/schemas/system-of-record.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored system-of-record documents: the systems, their migrations and cutovers (progress), and their logs. */

/** A migration as the API shows it, nulls kept; a cutover is one too (Cutover). */
export type Progress = Pick<WithNulls<z.infer<typeof migration>>, 'uuid' | 'status' | 'errorMessage' | 'createdAt' | 'finishedAt'>

export type Cutover = Progress &
  Pick<WithNulls<z.infer<typeof cutover>>, 'role' | 'sourceSystemOfRecordUuid' | 'targetSystemOfRecordUuid' | 'tablesTotal' | 'tablesMigrated'>

/** The API's SystemOfRecord, nulls kept, with the emulator's JSON as config and when its running work ends. */
export type SorDoc = StoredDoc &
  Pick<WithNulls<SystemOfRecord>, 'workspaceUuid' | 'isActive' | 'deletedAt'> & {
    config: JsonObject
    lastMigration: Progress | null
    cutover: Cutover | null
    /** epoch ms when the running migration / cutover ends */
    _migrationEndsAt?: number
    _cutoverEndsAt?: number
  }

export type LogDoc = StoredDoc &
  Pick<WithNulls<z.infer<typeof systemOfRecordLog>>, 'query' | 'status' | 'processedBytesCount' | 'startedAt' | 'finishedAt' | 'createdAt'>
