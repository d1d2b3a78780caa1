/**
 * System-of-record domain (entities.md §9): the warehouse (BigQuery or Snowflake) behind a workspace,
 * its client types, SQL over it, and its query log.
 */
import { z } from 'zod'
import { entity, jsonObject, timestamp } from './common.js'

export const systemOfRecordKind = z.enum(['bigQuery', 'snowflake'])
export type SystemOfRecordKind = z.infer<typeof systemOfRecordKind>

/** Migrations, cutovers: running until they end in success or error. */
export const progressStatus = z.enum(['running', 'success', 'error'])
export const logStatus = z.enum(['success', 'error'])

export const migration = entity({
  uuid: z.string(),
  status: progressStatus,
  errorMessage: z.string().optional(),
  createdAt: timestamp,
  finishedAt: timestamp.optional(),
})

export const cutover = entity({
  uuid: z.string(),
  role: z.enum(['source', 'target']),
  sourceSystemOfRecordUuid: z.string(),
  targetSystemOfRecordUuid: z.string(),
  status: progressStatus,
  errorMessage: z.string().optional(),
  tablesTotal: z.number(),
  tablesMigrated: z.number(),
  createdAt: timestamp,
  finishedAt: timestamp.optional(),
})

export const systemOfRecord = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  kind: systemOfRecordKind,
  /** BigQuery or Snowflake settings; secrets inside are `{type: "encryption", isEncrypted, value}` */
  config: jsonObject,
  lastMigration: migration.optional(),
  cutover: cutover.optional(),
  useCredits: z.boolean(),
  isActive: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type SystemOfRecord = z.infer<typeof systemOfRecord>

export const systemOfRecordClient = entity({
  name: z.string(),
  slug: z.string(),
  icon: z.string(),
  description: z.string(),
  config: z.looseObject({ jsonSchema: jsonObject, uiSchema: jsonObject.optional() }),
})

export const systemOfRecordLog = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  systemOfRecordUuid: z.string(),
  query: z.string(),
  status: logStatus,
  processedBytesCount: z.number(),
  errorMessage: z.string().optional(),
  startedAt: timestamp,
  finishedAt: timestamp,
  createdAt: timestamp,
})

export const systemOfRecordUsage = entity({
  date: timestamp,
  processedSecondsCount: z.number(),
  processedBytesCount: z.number(),
  queriesCount: z.number(),
})

const rows = z.array(jsonObject)
const notDone = <T extends string>(outcome: T) => z.looseObject({ outcome: z.literal(outcome), errorMessage: z.string() })

/**
 * `{rows}` per the api package, `{outcome: "queried", rows} | {outcome: "notQueried", errorMessage}` per
 * the docs (wire.md §19.1): both are accepted and printed as they came.
 */
export const queryResult = z.union([z.looseObject({ outcome: z.literal('queried').optional(), rows }), notDone('notQueried')])

/** `{records, count}`, or the docs' outcome union (`fetched` / `notFetched`). */
export const fetchResult = z.union([
  z.looseObject({ outcome: z.literal('fetched').optional(), records: rows, count: z.number() }),
  notDone('notFetched'),
])
