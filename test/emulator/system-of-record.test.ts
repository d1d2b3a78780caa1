import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as s from '../../src/api/endpoints/system-of-record.js'
import { SEED } from '../../src/emulator/index.js'
import { SYSTEM_OF_RECORD_SEED } from '../../src/emulator/domains/system-of-record/seed.js'
import { Store } from '../../src/emulator/kernel/store.js'
import { Harness, checkedEndpoints } from './harness.js'

/**
 * The system-of-record domain of the emulator: CRUD, migrations and cutovers on simulated time, SQL over
 * the emulator's own tables, and the query log. Every success is checked against the client's schema.
 */

const bigQuery = SYSTEM_OF_RECORD_SEED.bigQueryUuid
const snowflakeConfig = { user: 'CARGO', role: 'CARGO', warehouse: 'WH', account: 'acme', scope: 'database', database: 'CARGO', authentication: 'password' }
const companiesByName = 'SELECT name, domain FROM datasets_default.models_companies ORDER BY name'

describe('emulated system-of-record API', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('systems of record', () => {
    it('lists and gets the seeded BigQuery warehouse; 404 for an unknown one', async () => {
      const { systemOfRecords } = await h.ok(s.listSystemOfRecords, {})
      expect(systemOfRecords).toEqual([expect.objectContaining({ uuid: bigQuery, kind: 'bigQuery', isActive: true, cutover: null })])
      expect((await h.ok(s.getSystemOfRecord, { uuid: bigQuery })).systemOfRecord.lastMigration.status).toBe('success')
      expect(await h.call(s.getSystemOfRecord, { uuid: '00000000-0000-4000-8000-00000000dead' })).toEqual({ status: 404, body: { reason: 'systemOfRecordNotFound' } })
    })

    it('creates a second warehouse inactive, migrates it, then cuts over to it on simulated time', async () => {
      const { systemOfRecord: snowflake } = await h.ok(s.createSystemOfRecord, { kind: 'snowflake', config: snowflakeConfig })
      expect(snowflake).toMatchObject({ kind: 'snowflake', isActive: false, lastMigration: null, useCredits: false })

      await h.ok(s.migrateSystemOfRecord, { uuid: snowflake.uuid })
      expect((await h.ok(s.getSystemOfRecord, { uuid: snowflake.uuid })).systemOfRecord.lastMigration).toMatchObject({ status: 'running', finishedAt: null })
      h.advance(60_000)
      expect((await h.ok(s.getSystemOfRecord, { uuid: snowflake.uuid })).systemOfRecord.lastMigration).toMatchObject({ status: 'success', finishedAt: expect.any(String) })

      await h.ok(s.cutoverSystemOfRecord, { uuid: snowflake.uuid })
      const { systemOfRecords: during } = await h.ok(s.listSystemOfRecords, {})
      const [source, target] = during
      expect(source.cutover).toMatchObject({ role: 'source', status: 'running', tablesMigrated: 0, targetSystemOfRecordUuid: snowflake.uuid })
      expect(target.cutover).toMatchObject({ role: 'target', status: 'running', sourceSystemOfRecordUuid: bigQuery })
      expect(target.cutover.tablesTotal).toBeGreaterThan(0)
      expect([source.isActive, target.isActive]).toEqual([true, false])
      expect(await h.call(s.cutoverSystemOfRecord, { uuid: bigQuery })).toMatchObject({ status: 400, body: { reason: 'alreadyActive' } })

      h.advance(60_000)
      const { systemOfRecords: after } = await h.ok(s.listSystemOfRecords, {})
      expect(after.map((sor: { isActive: boolean }) => sor.isActive)).toEqual([false, true])
      expect(after[1].cutover).toMatchObject({ status: 'success', tablesMigrated: target.cutover.tablesTotal })

      // back to the seeded warehouse, so that the queries below run on it
      await h.ok(s.cutoverSystemOfRecord, { uuid: bigQuery })
      h.advance(60_000)
      const { systemOfRecord: removed } = await h.ok(s.removeSystemOfRecord, { uuid: snowflake.uuid })
      expect(removed).toMatchObject({ uuid: snowflake.uuid, deletedAt: expect.any(String), isActive: false })
      expect(await h.call(s.getSystemOfRecord, { uuid: snowflake.uuid })).toEqual({ status: 404, body: { reason: 'systemOfRecordNotFound' } })
    })

    it('updates the config, and refuses a warehouse that another workspace already uses', async () => {
      const config = { ...snowflakeConfig, account: 'taken' }
      const store = new Store(h.dbPath)
      const other = '99999999-0000-4000-8000-000000000001'
      store.put('systemOfRecord', { uuid: '99999999-0000-4000-8000-000000000002', workspaceUuid: other, kind: 'snowflake', config, deletedAt: null }, other)
      store.close()
      expect(await h.call(s.createSystemOfRecord, { kind: 'snowflake', config })).toEqual({ status: 400, body: { reason: 'systemOfRecordAlreadyUsedByAnotherWorkspace' } })
      const { systemOfRecord } = await h.ok(s.updateSystemOfRecord, { uuid: bigQuery, config: { scope: 'dataset', datasetName: 'renamed' } })
      expect(systemOfRecord.config).toEqual({ scope: 'dataset', datasetName: 'renamed' })
      expect(await h.call(s.updateSystemOfRecord, { uuid: '00000000-0000-4000-8000-00000000dead', config: {} })).toEqual({ status: 404, body: { reason: 'systemOfRecordNotFound' } })
    })
  })

  describe('clients', () => {
    it('lists the warehouse types without their documentation', async () => {
      const { clients } = await h.ok(s.listClients, {})
      expect(clients.map((client: { slug: string }) => client.slug)).toEqual(['bigQuery', 'snowflake'])
      expect(clients[0]).not.toHaveProperty('documentation')
      expect(clients[1].config.jsonSchema.required).toContain('authentication')
    })

    it('serves the documentation as text with its relative links untouched (the client rewrites them)', async () => {
      const answer = await h.raw('GET', '/v1/systemOfRecordIntegration/clients/snowflake/documentation')
      expect(answer.status).toBe(200)
      const text: unknown = answer.body
      expect(typeof text).toBe('string')
      expect(text).toMatch(/^# Snowflake\n/)
      expect(text).toContain('[setup script](./setup.sql)')
      expect(await h.raw('GET', '/v1/systemOfRecordIntegration/clients/oracle/documentation')).toMatchObject({ status: 404, body: { reason: 'clientNotFound' } })
      checkedEndpoints.set(s.getClientDocumentation.name, 1)
    })
  })

  describe('SQL over the warehouse', () => {
    it('queries the model tables under the names of the docs, bare or in backticks', async () => {
      const answer = await h.ok(s.querySystemOfRecord, { query: `${companiesByName} LIMIT 2` })
      expect(answer).toEqual({ outcome: 'queried', rows: [{ name: 'Acme', domain: 'acme.com' }, { name: 'Globex', domain: 'globex.com' }] })
      const quoted = await h.ok(s.querySystemOfRecord, { query: 'SELECT COUNT(*) AS count FROM `datasets_default.models_companies` WHERE country = \'US\'' })
      expect(quoted.rows).toEqual([{ count: 3 }])
    })

    it('also reaches the orchestration tables', async () => {
      const answer = await h.ok(s.querySystemOfRecord, { query: 'SELECT count() AS runs FROM runs' })
      expect(answer.rows).toEqual([{ runs: 0 }])
    })

    it('answers 200 notQueried for SQL the warehouse refuses', async () => {
      const bad = await h.ok(s.querySystemOfRecord, { query: 'SELECT * FROM nowhere' })
      expect(bad).toEqual({ outcome: 'notQueried', errorMessage: expect.stringMatching(/no such table: nowhere/) })
      const write = await h.ok(s.querySystemOfRecord, { query: 'DELETE FROM entities' })
      expect(write).toEqual({ outcome: 'notQueried', errorMessage: expect.stringMatching(/read-only/) })
    })

    it('fetches one page with the total count', async () => {
      const page = await h.ok(s.fetchSystemOfRecord, { query: companiesByName, limit: 2, offset: 2 })
      expect(page).toEqual({ outcome: 'fetched', records: [{ name: 'Hooli', domain: 'hooli.com' }, { name: 'Initech', domain: 'initech.com' }], count: 5 })
      expect((await h.ok(s.fetchSystemOfRecord, { query: 'SELECT nope' })).outcome).toBe('notFetched')
    })

    it('exports the whole result as CSV behind a URL that needs no token', async () => {
      const { urls } = await h.ok(s.downloadSystemOfRecord, { query: `${companiesByName} LIMIT 2` })
      expect(urls).toHaveLength(1)
      const file = await h.emulator.handle(new Request(urls[0]))
      expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(await file.text()).toBe('name,domain\nAcme,acme.com\nGlobex,globex.com\n')
      const refused = await h.call(s.downloadSystemOfRecord, { query: 'SELECT * FROM nowhere' })
      expect(refused.status).toBe(400)
      expect(refused.body.errorMessage).toMatch(/no such table/)
    })
  })

  describe('query log', () => {
    it('logs every query, newest first, filtered by status and text', async () => {
      const { logs } = await h.ok(s.listLogs, { limit: 100 })
      expect(logs.length).toBeGreaterThanOrEqual(8)
      expect(logs[0]).toMatchObject({ query: `${companiesByName} LIMIT 2`, status: 'success', systemOfRecordUuid: bigQuery, workspaceUuid: SEED.workspaceUuid })
      expect(logs[0].processedBytesCount).toBeGreaterThan(0)
      const errors = await h.ok(s.listLogs, { statuses: ['error'] })
      expect(errors.logs.map((log: { query: string }) => log.query)).toEqual(['SELECT nope', 'DELETE FROM entities', 'SELECT * FROM nowhere'])
      expect(errors.logs[0].errorMessage).toMatch(/no such column/)
      const paged = await h.ok(s.listLogs, { query: 'MODELS_COMPANIES', limit: 1, offset: 1 })
      expect(paged.logs.map((log: { query: string }) => log.query)).toEqual([companiesByName])
    })

    it('sums the log per day over the range, the last day included', async () => {
      const { logs } = await h.ok(s.listLogs, { limit: 1000 })
      const day = logs[0].createdAt.slice(0, 10)
      const { metrics } = await h.ok(s.getLogMetrics, { from: day, to: day })
      expect(metrics).toEqual([
        {
          date: `${day}T00:00:00.000Z`,
          queriesCount: logs.length,
          processedBytesCount: logs.reduce((sum: number, log: { processedBytesCount: number }) => sum + log.processedBytesCount, 0),
          processedSecondsCount: expect.any(Number),
        },
      ])
      expect(metrics[0].processedSecondsCount).toBeGreaterThan(0)
      expect((await h.ok(s.getLogMetrics, { from: '2024-01-01', to: '2024-12-31' })).metrics).toEqual([])
    })
  })

  it('answers notQueried when no warehouse is connected', async () => {
    await h.ok(s.removeSystemOfRecord, { uuid: bigQuery })
    expect(await h.ok(s.querySystemOfRecord, { query: 'SELECT 1' })).toEqual({ outcome: 'notQueried', errorMessage: 'No system of record is connected to this workspace' })
  })

  it('called every system-of-record endpoint', () => {
    const names = Object.values(s).map((endpoint) => endpoint.name)
    expect(names.filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
