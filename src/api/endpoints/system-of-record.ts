/**
 * The systemOfRecordIntegration endpoints (wire.md §18): one entry per HTTP call of the
 * `system-of-record` commands (spec/commands/system-of-record.json).
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, jsonObject, uuid, voidResult } from '../schemas/common.js'
import { opt, req } from '../schemas/fields.js'
import {
  fetchResult,
  logStatus,
  queryResult,
  systemOfRecord,
  systemOfRecordClient,
  systemOfRecordKind,
  systemOfRecordLog,
  systemOfRecordUsage,
} from '../schemas/system-of-record.js'

const count = z.int().nonnegative()
const sql = (what: string) => req(z.string().min(1), `SQL in the warehouse dialect (BigQuery or Snowflake)${what}`)
const sorUuid = req(uuid, 'UUID of the system of record (see sor list)')
const notFound = { systemOfRecordNotFound: 'No system of record with this UUID exists.' }
const systemOfRecordResult = z.looseObject({ systemOfRecord })

// ---------------------------------------------------------------------------------------------
// Clients: SQL over the warehouse

export const querySystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.query',
  method: 'POST',
  path: '/systemOfRecordIntegration/clients/query',
  payloadIn: 'body',
  payload: z.object({ query: sql('; tables are named like datasets_default.models_companies (see storage model get-ddl)') }),
  result: queryResult,
  reasons: {},
  idempotent: true,
})

export const fetchSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.fetch',
  method: 'POST',
  path: '/systemOfRecordIntegration/clients/fetch',
  payloadIn: 'body',
  payload: z.object({
    query: sql('; add an ORDER BY for stable pages'),
    limit: opt(count, 'Page size: the most rows to return'),
    offset: opt(count, 'Number of rows to skip, for the next pages'),
  }),
  result: fetchResult,
  reasons: {},
  idempotent: true,
})

/** Answers signed URL(s) of the exported result; the CLI streams them (DESIGN.md, downloads). */
export const downloadSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.download',
  method: 'POST',
  path: '/systemOfRecordIntegration/clients/download',
  payloadIn: 'body',
  payload: z.object({ query: sql(' whose full result is exported') }),
  result: z.looseObject({ urls: z.array(z.string()) }),
  reasons: {},
})

/** Markdown text, not JSON; its `./` links are made absolute by the command (wire.md §5). */
export const getClientDocumentation = defineEndpoint({
  name: 'systemOfRecordIntegration.getDocumentation',
  method: 'GET',
  path: '/systemOfRecordIntegration/clients/{slug}/documentation',
  payloadIn: 'none',
  payload: z.object({ slug: req(z.string().min(1), 'Slug of the warehouse client: bigQuery or snowflake (see client list)') }),
  result: z.string(),
  reasons: {},
  textResult: true,
})

export const listClients = defineEndpoint({
  name: 'systemOfRecordIntegration.listClients',
  method: 'GET',
  path: '/systemOfRecordIntegration/clients/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ clients: z.array(systemOfRecordClient) }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Systems of record

export const listSystemOfRecords = defineEndpoint({
  name: 'systemOfRecordIntegration.allSystemOfRecords',
  method: 'GET',
  path: '/systemOfRecordIntegration/systemOfRecords',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ systemOfRecords: z.array(systemOfRecord) }),
  reasons: {},
})

export const getSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.getSystemOfRecord',
  method: 'GET',
  path: '/systemOfRecordIntegration/systemOfRecords/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: sorUuid }),
  result: systemOfRecordResult,
  reasons: notFound,
})

export const createSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.createSystemOfRecord',
  method: 'POST',
  path: '/systemOfRecordIntegration/systemOfRecords',
  payloadIn: 'body',
  payload: z.object({
    kind: req(systemOfRecordKind, 'Warehouse type (a client slug)'),
    config: opt(jsonObject, "Connection settings as JSON, shaped by the client's config.jsonSchema (see client list)"),
  }),
  result: systemOfRecordResult,
  reasons: {
    systemOfRecordAlreadyUsedByAnotherWorkspace: 'This warehouse is already connected to another workspace.',
    missingPermissions: 'The warehouse account lacks permissions Cargo needs; check the setup documentation.',
  },
})

export const updateSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.updateSystemOfRecord',
  method: 'PUT',
  path: '/systemOfRecordIntegration/systemOfRecords/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the system of record to change (goes into the path)'),
    config: req(jsonObject, 'The new connection settings as JSON; they replace the old ones'),
  }),
  result: systemOfRecordResult,
  reasons: notFound,
})

/** Unlike most removes, it answers with the removed object. */
export const removeSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.removeSystemOfRecord',
  method: 'DELETE',
  path: '/systemOfRecordIntegration/systemOfRecords/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: sorUuid }),
  result: systemOfRecordResult,
  reasons: notFound,
})

export const migrateSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.migrateSystemOfRecord',
  method: 'POST',
  path: '/systemOfRecordIntegration/systemOfRecords/{uuid}/migrate',
  payloadIn: 'none',
  payload: z.object({ uuid: sorUuid }),
  result: voidResult,
  reasons: {},
})

export const cutoverSystemOfRecord = defineEndpoint({
  name: 'systemOfRecordIntegration.cutoverSystemOfRecord',
  method: 'POST',
  path: '/systemOfRecordIntegration/systemOfRecords/{uuid}/cutover',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the system of record to move to (the target of the cutover)') }),
  result: voidResult,
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Query log

export const listLogs = defineEndpoint({
  name: 'systemOfRecordIntegration.listLogs',
  method: 'GET',
  path: '/systemOfRecordIntegration/logs/list',
  payloadIn: 'query',
  payload: z.object({
    statuses: opt(z.array(logStatus), 'Only logs with these statuses, comma-separated'),
    query: opt(z.string(), 'Text to look for in the logged SQL'),
    limit: opt(count, 'Most logs to return'),
    offset: opt(count, 'Number of logs to skip, for pagination'),
  }),
  result: z.looseObject({ logs: z.array(systemOfRecordLog) }),
  reasons: {},
})

export const getLogMetrics = defineEndpoint({
  name: 'systemOfRecordIntegration.getLogsMetrics',
  method: 'GET',
  path: '/systemOfRecordIntegration/logs/metrics',
  payloadIn: 'query',
  payload: z.object({
    from: req(isoDate, 'First day of the range (ISO date or datetime)'),
    to: req(isoDate, 'Last day of the range (ISO date or datetime)'),
  }),
  result: z.looseObject({ metrics: z.array(systemOfRecordUsage) }),
  reasons: {},
})
