import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as s from '../../src/api/endpoints/storage.js'
import { storageHandlers } from '../../src/emulator/domains/storage/handlers.js'
import { SEED } from '../../src/emulator/index.js'
import { STORAGE_SEED } from '../../src/emulator/domains/storage/seed.js'
import { Harness, checkedEndpoints } from './harness.js'

/**
 * The storage endpoints of the emulator, through the harness: every successful answer is checked
 * against the client's result schema (after null stripping), as the CLI will read it.
 */

const companies = SEED.modelUuid
const { datasetUuid, contactsModelUuid, relationshipUuid } = STORAGE_SEED
const custom = (slug: string, type: 'string' | 'number' = 'string') => ({ slug, type, label: slug, kind: 'custom' as const })

describe('storage', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('seeded catalogue', () => {
    it('has the default dataset (and the HubSpot connector\'s), whose models carry their source columns as original ones', async () => {
      expect((await h.ok(s.listDatasets, {})).datasets).toEqual([
        expect.objectContaining({ uuid: datasetUuid, slug: 'default', kind: 'native', deletedAt: null }),
        expect.objectContaining({ uuid: STORAGE_SEED.hubspotDatasetUuid, slug: 'hubspot', kind: 'connector', deletedAt: null }),
      ])
      expect((await h.ok(s.getDataset, { uuid: datasetUuid })).dataset.slug).toBe('default')
      const { models } = await h.ok(s.listModels, {})
      expect(models.map((model: { slug: string }) => model.slug)).toEqual(['companies', 'contacts'])
      const { model } = await h.ok(s.getModel, { uuid: companies })
      expect(model).toMatchObject({ datasetUuid, kind: 'native', idColumnSlug: '_id', titleColumnSlug: 'name', playsCount: 1, segmentsCount: 2, description: 'Companies of the emulator workspace' })
      expect(model.columns[2]).toEqual({ slug: 'domain', type: 'string', label: 'Domain', kind: 'original', originalSlug: 'domain' })
      expect(model.lastRun).toMatchObject({ uuid: STORAGE_SEED.companiesRunUuid, status: 'success', errorMessage: null })
      // nullable fields travel as null, as from the real server
      expect(model.schedule).toBeNull()
      expect(model.timeColumnSlug).toBeNull()
    })

    it('answers unknown uuids with <entity>NotFound', async () => {
      const missing = '99999999-0000-4000-8000-000000000000'
      expect(await h.call(s.getModel, { uuid: missing })).toEqual({ status: 404, body: { reason: 'modelNotFound' } })
      expect((await h.call(s.getDataset, { uuid: missing })).body).toMatchObject({ reason: 'datasetNotFound' })
      expect(await h.call(s.getRelationship, { uuid: missing })).toEqual({ status: 404, body: { reason: 'relationshipNotFound' } })
      expect(await h.call(s.getRecord, { modelUuid: companies, id: 'nobody' })).toEqual({ status: 404, body: { reason: 'recordNotFound' } })
    })

    it('lists column slugs (not objects) and prints the DDL with the warehouse table name', async () => {
      expect(await h.ok(s.listColumns, { modelUuid: companies })).toEqual({ columns: ['_id', 'name', 'domain', 'country', 'employee_count'] })
      expect(await h.ok(s.getModelDdl, { uuid: companies })).toEqual({
        language: 'bigquery',
        ddl: 'CREATE TABLE datasets_default.models_companies (\n  _id STRING,\n  name STRING,\n  domain STRING,\n  country STRING,\n  employee_count FLOAT64,\n  _title STRING,\n  _emitted_at TIMESTAMP\n);',
      })
    })
  })

  describe('models', () => {
    let uuid: string
    it('creates a model in a dataset, once per slug', async () => {
      const created = await h.ok(s.createModel, { slug: 'prospects', name: 'Prospects', datasetUuid, extractorSlug: 'native', config: {}, schedule: { type: 'cron', cron: '0 * * * *' } })
      uuid = created.model.uuid
      expect(created.model).toMatchObject({ slug: 'prospects', datasetUuid, kind: 'native', columns: [{ slug: '_id', kind: 'original' }], additionalColumns: [], playsCount: 0, lastRun: null })
      expect(created.model.schedule).toEqual({ type: 'cron', cron: '0 * * * *', temporalScheduleWorkflowId: expect.stringMatching(/^schedule-/) })
      expect(await h.call(s.createModel, { slug: 'prospects', name: 'Again', datasetUuid, extractorSlug: 'native', config: {} })).toEqual({ status: 400, body: { reason: 'duplicateSlug' } })
      expect(await h.ok(s.modelExistsBySlug, { slug: 'prospects', datasetUuid })).toEqual({ exists: true })
      expect(await h.ok(s.modelExistsBySlug, { slug: 'nothing', datasetUuid })).toEqual({ exists: false })
    })

    it('updates only what is sent; null clears; folders must hold models', async () => {
      await h.ok(s.updateModel, { uuid, description: 'People to call' })
      const { model } = await h.ok(s.updateModel, { uuid, name: 'Hot prospects', description: null, schedule: null })
      expect(model).toMatchObject({ name: 'Hot prospects', description: null, schedule: null, slug: 'prospects' })
      expect(await h.call(s.updateModel, { uuid, folderUuid: SEED.folders.tools })).toEqual({ status: 400, body: { reason: 'folderNotCompatible' } })
    })

    it('refuses to delete a model used by a play, deletes others', async () => {
      expect(await h.call(s.removeModel, { uuid: companies })).toEqual({ status: 400, body: { reason: 'hasWorkflows' } })
      const temporary = (await h.ok(s.createModel, { slug: 'temporary', name: 'Temporary', datasetUuid, extractorSlug: 'native', config: {} })).model.uuid
      expect(await h.call(s.removeModel, { uuid: temporary })).toEqual({ status: 200, body: {} })
      expect((await h.call(s.getModel, { uuid: temporary })).status).toBe(404)
    })

    it('previews the records of a configuration without creating anything', async () => {
      const records = [{ name: 'Acme', employees: 10 }, { name: 'Globex', employees: 20 }]
      const preview = await h.ok(s.previewModel, { datasetUuid, slug: 'try', config: { records } })
      expect(preview).toEqual({ records, count: 2, columns: [{ slug: 'name', type: 'string', label: 'name' }, { slug: 'employees', type: 'number', label: 'employees' }] })
      expect(await h.ok(s.previewModelCount, { datasetUuid, slug: 'try', config: {} })).toEqual({ count: 0 })
    })

    it('syncs a model: a run moves from pending to success; only one at a time', async () => {
      const { run } = await h.ok(s.createRun, { modelUuid: uuid })
      expect(run).toMatchObject({ modelUuid: uuid, status: 'pending', finishedAt: null, errorMessage: null })
      expect(await h.call(s.createRun, { modelUuid: uuid })).toEqual({ status: 400, body: { reason: 'alreadyRunning' } })
      expect(await h.call(s.refreshModel, { uuid })).toEqual({ status: 400, body: { reason: 'alreadySyncing' } })
      h.advance(400)
      expect((await h.ok(s.listRuns, { modelUuid: uuid, statuses: ['running'] })).runs.map((r: { uuid: string }) => r.uuid)).toEqual([run.uuid])
      h.advance(1_000)
      expect((await h.ok(s.getModel, { uuid })).model.lastRun).toMatchObject({ uuid: run.uuid, status: 'success' })
      expect(await h.call(s.cancelRun, { uuid: run.uuid })).toEqual({ status: 400, body: { reason: 'runAlreadyFinished' } })
      const refreshed = await h.ok(s.refreshModel, { uuid })
      expect(refreshed).toMatchObject({ isRefreshing: true, model: { uuid, lastRun: { status: 'pending' } } })
      await h.ok(s.cancelRun, { uuid: refreshed.model.lastRun.uuid })
      expect((await h.ok(s.listRuns, { modelUuid: uuid })).runs.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'success'])
    })
  })

  describe('columns', () => {
    it('adds, finds, moves, changes and removes columns by slug', async () => {
      await h.ok(s.createColumn, { modelUuid: contactsModelUuid, column: custom('score', 'number') })
      await h.ok(s.createColumn, { modelUuid: contactsModelUuid, column: custom('tier') })
      expect(await h.call(s.createColumn, { modelUuid: contactsModelUuid, column: custom('email') })).toEqual({ status: 400, body: { reason: 'duplicateSlug' } })
      expect(await h.ok(s.columnExistsBySlug, { modelUuid: contactsModelUuid, slug: 'score' })).toEqual({ exists: true })
      await h.ok(s.reorderColumn, { modelUuid: contactsModelUuid, columnSlug: 'tier', toIndex: 0 })
      await h.ok(s.reorderColumn, { modelUuid: contactsModelUuid, columnSlug: 'email', toIndex: 0 })
      expect((await h.ok(s.listColumns, { modelUuid: contactsModelUuid })).columns).toEqual(['email', '_id', 'first_name', 'last_name', 'company_id', 'tier', 'score'])
      expect(await h.call(s.reorderColumn, { modelUuid: contactsModelUuid, columnSlug: 'tier', toIndex: 2 })).toEqual({ status: 400, body: { reason: 'invalidIndex' } })
      await h.ok(s.updateColumn, { modelUuid: contactsModelUuid, column: { ...custom('tier'), label: 'Tier' } })
      await h.ok(s.updateColumn, { modelUuid: contactsModelUuid, column: { slug: 'email', type: 'string', label: 'E-mail', kind: 'original', originalSlug: 'email' } })
      const { model } = await h.ok(s.getModel, { uuid: contactsModelUuid })
      expect(model.additionalColumns.find((c: { slug: string }) => c.slug === 'tier')).toEqual({ ...custom('tier'), label: 'Tier' })
      expect(model.columns[0]).toEqual({ slug: 'email', type: 'string', label: 'E-mail', kind: 'original', originalSlug: 'email' })
      // a DELETE with a JSON body {modelUuid, columnSlug}
      const removed = await h.raw('DELETE', '/v1/storage/columns', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ modelUuid: contactsModelUuid, columnSlug: 'tier' }) })
      expect(removed).toEqual({ status: 200, body: {} })
      expect(await h.call(s.removeColumn, { modelUuid: contactsModelUuid, columnSlug: 'tier' })).toEqual({ status: 404, body: { reason: 'columnNotFound' } })
      expect(await h.call(s.updateColumn, { modelUuid: contactsModelUuid, column: custom('nothing') })).toEqual({ status: 404, body: { reason: 'columnNotFound' } })
    })

    it('checks the relationship of metric columns and upper-cases their function', async () => {
      const metric = { slug: 'contacts_count', type: 'number' as const, label: 'Contacts', kind: 'metric' as const, aggregation: { function: 'count', columnSlug: '_id' } }
      expect(await h.call(s.createColumn, { modelUuid: companies, column: { ...metric, relationshipUuid: '00000000-0000-4000-8000-00000000dead' } })).toEqual({ status: 400, body: { reason: 'invalidRelationship' } })
      await h.ok(s.createColumn, { modelUuid: companies, column: { ...metric, relationshipUuid } })
      const { model } = await h.ok(s.getModel, { uuid: companies })
      expect(model.additionalColumns).toEqual([{ ...metric, relationshipUuid, aggregation: { function: 'COUNT', columnSlug: '_id' } }])
      await h.ok(s.removeColumn, { modelUuid: companies, columnSlug: 'contacts_count' })
    })

    it('suggests the values of a column, filtered by a text', async () => {
      const column = { slug: 'country', type: 'string' as const, label: 'Country', kind: 'original' as const, originalSlug: 'country' }
      expect(await h.ok(s.autocompleteColumn, { modelUuid: companies, column })).toEqual({
        results: ['US', 'FR', 'GB'].map((value) => ({ value, label: value })),
      })
      expect((await h.ok(s.autocompleteColumn, { modelUuid: companies, column, query: 'g' })).results).toEqual([{ value: 'GB', label: 'GB' }])
    })
  })

  describe('records', () => {
    let model: string
    beforeAll(async () => {
      model = (await h.ok(s.createModel, { slug: 'leads', name: 'Leads', datasetUuid, extractorSlug: 'native', config: {} })).model.uuid
      await h.ok(s.createColumn, { modelUuid: model, column: custom('name') })
      await h.ok(s.createColumn, { modelUuid: model, column: custom('score', 'number') })
    })

    it('creates records with every column, null when empty, and the system columns', async () => {
      const now = () => new Date(h.clock.now).toISOString()
      const { record } = await h.ok(s.createRecord, { modelUuid: model, data: { _id: 'lead_b', name: 'Bea' } })
      expect(record).toEqual({ _id: 'lead_b', name: 'Bea', score: null, _title: 'lead_b', _emitted_at: now() })
      h.advance(1_000)
      const { records } = await h.ok(s.createRecordsBulk, { modelUuid: model, records: [{ data: { _id: 'lead_a', name: 'Al', score: 3 } }, { data: { name: 'Cy' } }] })
      expect(records.map((r: { _id: string }) => r._id)).toEqual(['lead_a', expect.stringMatching(/^[0-9a-f-]{36}$/)])
      expect(await h.ok(s.getRecord, { modelUuid: model, id: 'lead_a' })).toEqual({
        record: { _id: 'lead_a', name: 'Al', score: 3, _title: 'lead_a', _emitted_at: now() },
        isRefreshing: false,
      })
    })

    it('lists with a sort on a system column, a limit and an offset', async () => {
      const ids = async (payload: Omit<Parameters<typeof h.ok<typeof s.listRecords>>[1], 'modelUuid'>) =>
        (await h.ok(s.listRecords, { modelUuid: model, ...payload })).records.map((r: { _id: string }) => r._id)
      expect((await ids({})).slice(0, 2)).toEqual(['lead_b', 'lead_a'])
      expect(await ids({ sort: { kind: 'desc', columnSlug: '_id' }, limit: 2 })).toEqual(['lead_b', 'lead_a'])
      expect((await ids({ sort: { kind: 'asc', columnSlug: '_title' } })).at(-1)).toBe('lead_b')
      expect(await ids({ sort: { kind: 'desc', columnSlug: '_emitted_at' }, limit: 1, offset: 2 })).toEqual(['lead_b'])
    })

    it('updates one or several records, skipping unknown ones in bulk', async () => {
      expect((await h.ok(s.updateRecord, { modelUuid: model, id: 'lead_b', data: { score: 7 } })).record).toMatchObject({ _id: 'lead_b', name: 'Bea', score: 7 })
      expect(await h.call(s.updateRecord, { modelUuid: model, id: 'ghost', data: {} })).toEqual({ status: 404, body: { reason: 'recordNotFound' } })
      const { records } = await h.ok(s.updateRecordsBulk, { modelUuid: model, records: [{ id: 'lead_a', data: { score: 4 } }, { id: 'ghost', data: { score: 1 } }] })
      expect(records).toEqual([expect.objectContaining({ _id: 'lead_a', score: 4 })])
    })

    it('removes records with DELETE bodies {modelUuid, id} and {modelUuid, ids}', async () => {
      const del = (path: string, body: object) => h.raw('DELETE', path, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(await del('/v1/storage/records/remove', { modelUuid: model, id: 'lead_b' })).toEqual({ status: 200, body: {} })
      await h.ok(s.createRecord, { modelUuid: model, data: { _id: 'lead_c' } })
      expect(await del('/v1/storage/records/removeBulk', { modelUuid: model, ids: ['lead_a', 'lead_c'] })).toEqual({ status: 200, body: {} })
      expect((await h.ok(s.listRecords, { modelUuid: model })).records).toHaveLength(1)
      await h.ok(s.removeRecord, { modelUuid: model, id: 'nobody' })
      await h.ok(s.removeRecordsBulk, { modelUuid: model, ids: ['nobody'] })
    })
  })

  describe('relationships', () => {
    it('lists the seeded link; a lookup column follows it', async () => {
      expect((await h.ok(s.listRelationships, {})).relationships).toEqual([
        expect.objectContaining({ uuid: relationshipUuid, fromModelUuid: contactsModelUuid, toModelUuid: companies, relation: 'manyToOne', fromPropertySlug: null }),
      ])
      expect((await h.ok(s.getRelationship, { uuid: relationshipUuid })).relationship.fromColumnSlug).toBe('company_id')
      const join = { toModelUuid: companies, fromColumnSlug: 'company_id', toColumnSlug: '_id' }
      await h.ok(s.createColumn, { modelUuid: contactsModelUuid, column: { slug: 'company_name', type: 'string', label: 'Company', kind: 'lookup', join, extractColumnSlug: 'name' } })
      expect((await h.ok(s.getRecord, { modelUuid: contactsModelUuid, id: 'contact_2' })).record.company_name).toBe('Globex')
    })

    it("sets the whole list of a dataset: kept uuids stay, others go", async () => {
      const link = { fromModelUuid: contactsModelUuid, fromColumnSlug: 'company_id', fromPropertySlug: null, toModelUuid: companies, toColumnSlug: '_id', toPropertySlug: null, fromSelectedColumnSlugs: null, toSelectedColumnSlugs: ['name'] }
      const kept = await h.ok(s.setRelationships, { datasetUuid, relationships: [{ ...link, uuid: relationshipUuid, relation: 'oneToOne' }] })
      expect(kept.relationships).toEqual([expect.objectContaining({ uuid: relationshipUuid, relation: 'oneToOne', fromDatasetUuid: datasetUuid, toDatasetUuid: datasetUuid, toSelectedColumnSlugs: ['name'] })])
      const replaced = await h.ok(s.setRelationships, { datasetUuid, relationships: [{ ...link, relation: 'manyToOne' }] })
      expect(replaced.relationships).toHaveLength(1)
      expect(replaced.relationships[0].uuid).not.toBe(relationshipUuid)
      expect(await h.call(s.setRelationships, { datasetUuid, relationships: [{ ...link, fromColumnSlug: 'nope', relation: 'manyToOne' }] })).toEqual({ status: 400, body: { reason: 'invalidRelationships' } })
      expect((await h.call(s.setRelationships, { datasetUuid: '00000000-0000-4000-8000-00000000dead', relationships: [] })).body).toMatchObject({ reason: 'datasetNotFound' })
    })
  })

  describe('SQL over the records', () => {
    const rows = async (query: string) => (await h.ok(s.executeQuery, { query })).rows

    it('names tables <datasetSlug>.<modelSlug>, as in the DDL, or by the bare slug', async () => {
      const us = [{ name: 'Acme' }, { name: 'Globex' }, { name: 'Hooli' }]
      expect(await rows("SELECT name FROM default.companies WHERE country = 'US' ORDER BY name")).toEqual(us)
      expect(await rows("SELECT name FROM datasets_default.models_companies WHERE country = 'US' ORDER BY name")).toEqual(us)
      expect(await rows('SELECT count() AS n FROM companies')).toEqual([{ n: 5 }])
      expect(await h.ok(s.executeQuery, { query: 'SELECT _id FROM `default.companies` ORDER BY employee_count DESC LIMIT 1' })).toEqual({ rows: [{ _id: 'company_4' }], isRefreshing: false })
    })

    it('joins models and sees writes at once', async () => {
      await h.ok(s.updateRecord, { modelUuid: companies, id: 'company_3', data: { employee_count: 90 } })
      expect(await rows('SELECT p.email, c.employee_count FROM default.contacts p JOIN default.companies c ON c._id = p.company_id ORDER BY p.email')).toEqual([
        { email: 'ada@acme.com', employee_count: 500 },
        { email: 'alan@initech.com', employee_count: 90 },
        { email: 'grace@globex.com', employee_count: 1200 },
      ])
    })

    it('refuses writes and unknown tables with an errorMessage', async () => {
      const write = await h.call(s.executeQuery, { query: "DELETE FROM default.companies WHERE _id = 'company_1'" })
      expect(write).toMatchObject({ status: 400, body: { errorMessage: expect.stringMatching(/read-only/) } })
      expect(await h.call(s.executeQuery, { query: 'SELECT * FROM default.nothing' })).toMatchObject({ status: 400, body: { errorMessage: expect.stringMatching(/SQL error/) } })
      expect(await rows("SELECT count(*) AS n FROM default.companies WHERE _id = 'company_1'")).toEqual([{ n: 1 }])
    })

    it('exports a query as CSV behind a URL the emulator serves without auth', async () => {
      const answer = await h.ok(s.downloadQuery, { query: "SELECT _id, name FROM default.companies WHERE country = 'FR'" })
      expect(answer).toEqual({ urls: [expect.stringMatching(/^http:\/\/emulator\.test\/__emulator\/files\//)], isRefreshing: false })
      const file = await h.emulator.handle(new Request(answer.urls[0]))
      expect(await file.text()).toBe('_id,name\ncompany_3,Initech\n')
      expect((await h.call(s.downloadQuery, { query: 'SELECT 1', format: 'parquet' })).status).toBe(400)
    })
  })

  it('answered every storage endpoint, each checked against its result schema', () => {
    expect(storageHandlers).toHaveLength(35)
    expect(storageHandlers.map(([name]) => name).filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
