import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import * as g from '../../src/api/endpoints/segmentation.js'
import * as s from '../../src/api/endpoints/storage.js'
import { segmentationHandlers } from '../../src/emulator/domains/segmentation/handlers.js'
import { SEED } from '../../src/emulator/index.js'
import { SEGMENTATION_SEED } from '../../src/emulator/domains/segmentation/seed.js'
import { Harness, checkedEndpoints } from './harness.js'

/**
 * The segmentation endpoints of the emulator through the harness (every success checked against the
 * client's result schema): filters in the `conjonction` grammar, sort, the two kinds of limit, and the
 * changes recorded at each sync.
 */

const modelUuid = SEED.modelUuid
const condition = (kind: string, columnSlug: string, operator: string, value: object = {}) => ({ kind, columnSlug, operator, ...value })
const where = (...conditions: object[]) => ({ conjonction: 'and' as const, groups: [{ conjonction: 'and' as const, conditions: conditions as Array<{ kind: string }> }] })
const everything = { conjonction: 'and' as const, groups: [] }
const ids = (records: Array<{ _id: string }>) => records.map((record) => record._id)

describe('segmentation', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('segment fetch', () => {
    const fetch = (payload: Omit<Parameters<typeof h.ok<typeof g.fetchSegment>>[1], 'modelUuid'>) => h.ok(g.fetchSegment, { modelUuid, ...payload })

    it('filters, sorts and describes the columns', async () => {
      const answer = await fetch({ filter: where(condition('string', 'country', 'is', { values: ['US'] })), sort: [{ columnSlug: 'employee_count', kind: 'desc' }] })
      expect(ids(answer.records)).toEqual(['company_2', 'company_1', 'company_5'])
      expect(answer).toMatchObject({ count: 3, isRefreshing: false })
      expect(answer.records[0]).toEqual({ _id: 'company_2', name: 'Globex', domain: 'globex.com', country: 'US', employee_count: 1200, _title: 'Globex', _emitted_at: '2025-01-01T00:00:00.000Z' })
      expect(answer.columns).toContainEqual({ slug: 'employee_count', type: 'number', label: 'Employee count', modelUuid })
    })

    it('evaluates the operators of each kind, and or-groups', async () => {
      const cases: Array<[object, string[]]> = [
        [where(condition('number', 'employee_count', 'between', { firstValue: 50, lastValue: 600 })), ['company_1', 'company_3']],
        [where(condition('number', 'employee_count', 'greaterThan', { value: 1000 })), ['company_2', 'company_4']],
        [where(condition('string', 'domain', 'endsWith', { values: 'i.com' }), condition('string', 'country', 'isNot', { values: ['US'] })), []],
        [where(condition('string', 'name', 'contains', { values: ['O'] })), ['company_2', 'company_5']],
        [{ conjonction: 'or', groups: [where(condition('string', 'country', 'is', { values: ['FR'] })).groups[0], where(condition('string', 'country', 'is', { values: ['GB'] })).groups[0]] }, ['company_3', 'company_4']],
        [where(condition('string', 'country', 'isNotNull')), ['company_1', 'company_2', 'company_3', 'company_4', 'company_5']],
        // a condition whose kind does not fit the column matches nothing, as on the API
        [where(condition('boolean', 'country', 'isTrue')), []],
      ]
      for (const [filter, expected] of cases) expect(ids((await fetch({ filter: filter as never, fetchingLimit: 100 })).records), JSON.stringify(filter)).toEqual(expected)
    })

    it('reads object properties, and matches conditions on objects and array items', async () => {
      const { model } = await h.ok(s.createModel, { slug: 'offices', name: 'Offices', datasetUuid: '00000000-0000-4000-8000-000000002001', extractorSlug: 'native', config: {} })
      for (const [slug, type] of [['address', 'object'], ['tags', 'array']] as const) await h.ok(s.createColumn, { modelUuid: model.uuid, column: { slug, type, label: slug, kind: 'custom' } })
      await h.ok(s.createRecordsBulk, {
        modelUuid: model.uuid,
        records: [
          { data: { _id: 'paris', address: { city: 'Paris', zip: '75001' }, tags: [{ name: 'hq', size: 300 }] } },
          { data: { _id: 'lyon', address: { city: 'Lyon', zip: '69001' }, tags: [{ name: 'sales', size: 12 }, { name: 'support', size: 40 }] } },
          { data: { _id: 'remote' } },
        ],
      })
      const property = (operator: string, value: object = {}) => ({ kind: 'objectProperty', columnSlug: 'address', propertyName: 'zip', operator, ...value })
      const items = (conjonction: string, ...propertyConditions: object[]) => condition('array', 'tags', 'matchConditions', { conjonction, propertyConditions })
      const cases: Array<[object, string[]]> = [
        [where(property('startsWith', { value: '75' })), ['paris']],
        [where(property('between', { value: '69000', otherValue: '70000' })), ['lyon']],
        [where(property('isNull')), ['remote']],
        [where(condition('object', 'address', 'matchConditions', { conjonction: 'and', propertyConditions: [{ ...property('is', { value: 'lyon' }), propertyName: 'city' }] })), ['lyon']],
        [where(items('and', { kind: 'objectProperty', columnSlug: 'tags', propertyName: 'size', operator: 'greaterThan', value: '30' })), ['paris', 'lyon']],
        [where(items('and', { kind: 'objectProperty', columnSlug: 'tags', propertyName: 'name', operator: 'is', value: 'sales' }, { kind: 'objectProperty', columnSlug: 'tags', propertyName: 'size', operator: 'greaterThan', value: '30' })), []],
        [where(condition('object', 'address', 'isNull')), ['remote']],
      ]
      for (const [filter, expected] of cases) {
        expect(ids((await h.ok(g.fetchSegment, { modelUuid: model.uuid, filter: filter as never })).records), JSON.stringify(filter)).toEqual(expected)
      }
    })

    it('pages with fetchingLimit/fetchingOffset, while limit caps the selection', async () => {
      const sort = [{ columnSlug: 'name', kind: 'asc' as const }]
      const page = await fetch({ filter: everything, sort, fetchingLimit: 2, fetchingOffset: 1 })
      expect([ids(page.records), page.count]).toEqual([['company_2', 'company_5'], 5])
      const capped = await fetch({ filter: everything, sort, limit: 3, fetchingLimit: 2, fetchingOffset: 2 })
      expect([ids(capped.records), capped.count]).toEqual([['company_5'], 3])
    })

    it('refuses a filter without conjonction (the French spelling) before evaluating it', async () => {
      const misspelled = await h.call(g.fetchSegment, { modelUuid, filter: { conjunction: 'and', groups: [] } as never })
      expect(misspelled.status).toBe(400)
      expect(misspelled.body.errorMessage).toMatch(/conjonction/)
      expect((await h.call(g.fetchSegment, { modelUuid: '00000000-0000-4000-8000-00000000dead', filter: everything })).body).toMatchObject({ reason: 'modelNotFound' })
    })

    it('exports the selection as CSV behind a URL served without auth', async () => {
      const { urls } = await h.ok(g.downloadSegment, { modelUuid, filter: where(condition('string', 'country', 'is', { values: ['US'] })), sort: [{ columnSlug: 'name', kind: 'desc' }], limit: 2 })
      expect(urls).toHaveLength(1)
      const csv = await (await h.emulator.handle(new Request(urls[0]))).text()
      expect(csv.split('\n').slice(0, 3)).toEqual([
        '_id,name,domain,country,employee_count,_title,_emitted_at',
        'company_5,Hooli,hooli.com,US,40,Hooli,2025-01-01T00:00:00.000Z',
        'company_2,Globex,globex.com,US,1200,Globex,2025-01-01T00:00:00.000Z',
      ])
      expect(csv.split('\n')).toHaveLength(4)
    })
  })

  describe('segments', () => {
    it('lists the seeds with their live record count and last change', async () => {
      const { segments } = await h.ok(g.listSegments, {})
      const us = segments.find((segment: { uuid: string }) => segment.uuid === SEED.segmentUuid)
      expect(us).toMatchObject({ name: 'US companies', slug: 'us_companies', recordsCount: 3, fromPlay: false, sort: null, limit: null })
      expect(us.lastChange).toEqual({
        uuid: SEGMENTATION_SEED.usCompaniesChangeUuid,
        slug: 'us_companies_change_1',
        totalRecordsCount: 3,
        addedRecordsCount: 3,
        updatedRecordsCount: 0,
        removedRecordsCount: 0,
        unchangedRecordsCount: 0,
        createdAt: '2025-01-01T00:00:00.000Z',
      })
      expect((await h.ok(g.getSegment, { uuid: SEED.play.segmentUuid })).segment).toMatchObject({ fromPlay: true, recordsCount: 5, lastChange: null })
    })

    it("serves the segments plays create (handlers/plays.ts) with a segment's full shape", async () => {
      const { play } = await h.ok(o.createPlay, { name: 'Watch FR', modelUuid, changeKinds: ['added'], runCreationRule: 'always', filter: where(condition('string', 'country', 'is', { values: ['FR'] })) })
      const { segment } = await h.ok(g.getSegment, { uuid: play.segmentUuid })
      expect(segment).toMatchObject({ fromPlay: true, slug: 'watch_fr_play', userUuid: SEED.userUuid, recordsCount: 1, trackingColumnSlugs: null, lastChange: null })
      await h.ok(o.removePlay, { uuid: play.uuid })
    })

    it('records a change at creation, at each change of selection and at each model sync', async () => {
      const { segment } = await h.ok(g.createSegment, {
        name: 'Big companies',
        modelUuid,
        filter: where(condition('number', 'employee_count', 'greaterThan', { value: 400 })),
        trackingColumnSlugs: ['name'],
      })
      expect(segment).toMatchObject({ slug: 'big_companies', recordsCount: 3, userUuid: SEED.userUuid, trackingColumnSlugs: ['name'], columnSlugs: null, lastChange: { addedRecordsCount: 3 } })

      const narrowed = (await h.ok(g.updateSegment, { uuid: segment.uuid, filter: where(condition('number', 'employee_count', 'greaterThan', { value: 1000 })), limit: null })).segment
      expect(narrowed.lastChange).toMatchObject({ totalRecordsCount: 2, addedRecordsCount: 0, removedRecordsCount: 1, unchangedRecordsCount: 2 })
      const renamed = (await h.ok(g.updateSegment, { uuid: segment.uuid, name: 'Large companies' })).segment
      expect([renamed.name, renamed.lastChange.uuid]).toEqual(['Large companies', narrowed.lastChange.uuid])

      // a tracked column moves, then the model syncs: the next segmentation call records it
      await h.ok(s.updateRecord, { modelUuid, id: 'company_4', data: { name: 'Umbrella Corp' } })
      h.advance(1_000)
      await h.ok(s.refreshModel, { uuid: modelUuid })
      const { changes } = await h.ok(g.listChanges, { segmentUuid: segment.uuid })
      expect(changes.map((change: { updatedRecordsCount: number; unchangedRecordsCount: number }) => [change.updatedRecordsCount, change.unchangedRecordsCount])).toEqual([[1, 1], [0, 2], [0, 0]])
      const latest = changes[0]
      const updated = await h.ok(g.fetchChange, { uuid: latest.uuid, kinds: ['updated'] })
      expect([ids(updated.records), updated.count, updated.records[0].name]).toEqual([['company_4'], 1, 'Umbrella Corp'])
      const removed = await h.ok(g.fetchChange, { uuid: changes[1].uuid, kinds: ['removed', 'unchanged'], limit: 1, offset: 2 })
      expect([ids(removed.records), removed.count]).toEqual([['company_1'], 3])
      expect(removed.columns.map((column: { slug: string }) => column.slug)).toContain('employee_count')
    })

    it('filters changes and serves one change at a time', async () => {
      const all = (await h.ok(g.listChanges, {})).changes
      expect(all.length).toBeGreaterThanOrEqual(5)
      const withRemovals = (await h.ok(g.listChanges, { hasRecords: 'removed' })).changes
      expect(withRemovals.every((change: { removedRecordsCount: number }) => change.removedRecordsCount > 0)).toBe(true)
      expect(withRemovals.length).toBeGreaterThan(0)
      const notEmpty = (await h.ok(g.listChanges, { notEmpty: true, limit: 1, offset: 0 })).changes
      expect(notEmpty).toHaveLength(1)
      expect((await h.ok(g.getChange, { uuid: SEGMENTATION_SEED.usCompaniesChangeUuid })).change).toMatchObject({ segmentUuid: SEED.segmentUuid, addedRecordsCount: 3 })
      expect((await h.call(g.getChange, { uuid: '00000000-0000-4000-8000-00000000dead' })).body).toMatchObject({ reason: 'changeNotFound' })
      expect(await h.call(g.fetchChange, { uuid: '00000000-0000-4000-8000-00000000dead', kinds: ['added'] })).toEqual({ status: 404, body: { reason: 'changeNotFound' } })
      const { urls } = await h.ok(g.downloadChange, { uuid: SEGMENTATION_SEED.usCompaniesChangeUuid, kinds: ['added'] })
      const csv = await (await h.emulator.handle(new Request(urls[0]))).text()
      expect(csv.trim().split('\n').map((line) => line.split(',')[0])).toEqual(['_id', 'company_1', 'company_2', 'company_5'])
    })

    it("refuses to change a play's segment; deletes others once (DELETE with {} body)", async () => {
      expect(await h.call(g.updateSegment, { uuid: SEED.play.segmentUuid, name: 'x' })).toEqual({ status: 400, body: { reason: 'segmentLinkedToWorkflow' } })
      expect(await h.call(g.removeSegment, { uuid: SEED.play.segmentUuid })).toEqual({ status: 400, body: { reason: 'segmentLinkedToWorkflow' } })
      const { segment } = await h.ok(g.createSegment, { name: 'Doomed', modelUuid, filter: everything })
      const del = () => h.raw('DELETE', `/v1/segmentation/segments/${segment.uuid}`, { headers: { 'content-type': 'application/json' }, body: '{}' })
      expect(await del()).toEqual({ status: 200, body: {} })
      expect(await del()).toEqual({ status: 400, body: { reason: 'segmentAlreadyRemoved' } })
      expect((await h.call(g.getSegment, { uuid: segment.uuid })).status).toBe(404)
      expect(await h.call(g.updateSegment, { uuid: segment.uuid, name: 'x' })).toEqual({ status: 404, body: { reason: 'segmentNotFound' } })
      await h.ok(g.removeSegment, { uuid: (await h.ok(g.createSegment, { name: 'Also doomed', modelUuid, filter: everything })).segment.uuid })
    })
  })

  it('fetches records by id, with their nulls, in the order asked', async () => {
    await h.ok(s.createRecord, { modelUuid, data: { _id: 'company_6', name: 'Soylent' } })
    const { records } = await h.ok(g.fetchRecords, { modelUuid, ids: ['company_6', 'missing', 'company_1'] })
    expect(records).toEqual([
      { _id: 'company_6', name: 'Soylent', domain: null, country: null, employee_count: null, _title: 'Soylent', _emitted_at: expect.any(String) },
      expect.objectContaining({ _id: 'company_1', name: 'Acme' }),
    ])
  })

  it('answered every segmentation endpoint, each checked against its result schema', () => {
    expect(segmentationHandlers).toHaveLength(12)
    expect(segmentationHandlers.map(([name]) => name).filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
