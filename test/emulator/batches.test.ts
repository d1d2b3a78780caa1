import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import { SEED } from '../../src/emulator/index.js'
import { Harness, ORIGIN } from './harness.js'

const { tool, play } = SEED

describe('batches', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  const finishedBatch = async (uuid: string) => {
    h.advance(30_000)
    return (await h.ok(o.getBatch, { uuid })).batch
  }

  it('checks the data kind against the workflow kind', async () => {
    const invalid = [
      { workflowUuid: tool.workflowUuid, data: { kind: 'segment' as const, segmentUuid: SEED.segmentUuid } },
      { workflowUuid: play.workflowUuid, data: { kind: 'records' as const, records: [{ domain: 'a.com' }] } },
      { nodes: [], data: { kind: 'filter' as const, modelUuid: SEED.modelUuid } },
    ]
    for (const payload of invalid) expect(await h.call(o.createBatch, payload)).toEqual({ status: 400, body: { reason: 'invalidDataKind' } })
  })

  it('counts the runs of a records batch as they finish', async () => {
    const records = [{ domain: 'acme.com' }, { domain: 'broken.invalid' }, { domain: 'globex.com' }]
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'records', records } })
    expect(batch).toMatchObject({ status: 'pending', runsCount: 3, executedRunsCount: 0, failedRunsCount: 0, data: { kind: 'records', s3Filename: expect.any(String) } })
    h.advance(1_000)
    const midway = (await h.ok(o.getBatch, { uuid: batch.uuid })).batch
    expect(midway.status).toBe('running')
    const done = await finishedBatch(batch.uuid)
    expect(done).toMatchObject({ status: 'success', runsCount: 3, executedRunsCount: 3, failedRunsCount: 1, finishedAt: expect.any(String) })
    expect(done.creditsUsedCount).toBe(3)
    const runs = await h.ok(o.listRuns, { batchUuid: batch.uuid })
    expect(runs.count).toBe(3)
    expect((await h.ok(o.countRuns, { batchUuid: batch.uuid, statuses: ['error'] })).count).toBe(1)
  })

  it("enrolls the model's records in a play: record ids, a segment, a filter", async () => {
    const datas = [
      { data: { kind: 'recordIds' as const, modelUuid: SEED.modelUuid, ids: ['company_2', 'company_4'] }, titles: ['Globex', 'Umbrella'] },
      { data: { kind: 'segment' as const, segmentUuid: SEED.segmentUuid }, titles: ['Acme', 'Globex', 'Hooli'] },
      {
        data: {
          kind: 'filter' as const,
          modelUuid: SEED.modelUuid,
          filter: { conjonction: 'and' as const, groups: [{ conjonction: 'and' as const, conditions: [{ kind: 'number', columnSlug: 'employee_count', operator: 'greaterThan', value: 1000 }] }] },
        },
        titles: ['Globex', 'Umbrella'],
      },
    ]
    for (const { data, titles } of datas) {
      const { batch } = await h.ok(o.createBatch, { workflowUuid: play.workflowUuid, data })
      await finishedBatch(batch.uuid)
      const { runs } = await h.ok(o.listRuns, { batchUuid: batch.uuid })
      expect(runs.map((run: { recordTitle: string }) => run.recordTitle).sort()).toEqual(titles)
      expect(runs.every((run: { recordId: string }) => run.recordId.startsWith('company_'))).toBe(true)
    }
  })

  it("refuses a play's own segment, an empty selection and unknown models", async () => {
    const linked = await h.call(o.createBatch, { workflowUuid: play.workflowUuid, data: { kind: 'segment', segmentUuid: play.segmentUuid } })
    expect(linked).toEqual({ status: 400, body: { reason: 'dataError', dataError: { reason: 'segmentLinkedToPlay' } } })
    const none = await h.call(o.createBatch, { workflowUuid: play.workflowUuid, data: { kind: 'recordIds', modelUuid: SEED.modelUuid, ids: ['nobody'] } })
    expect(none.body).toEqual({ reason: 'dataError', dataError: { reason: 'noRecords' } })
    const model = await h.call(o.createBatch, { workflowUuid: play.workflowUuid, data: { kind: 'filter', modelUuid: '00000000-0000-4000-8000-00000000dead' } })
    expect(model).toEqual({ status: 404, body: { reason: 'modelNotFound', errorMessage: 'Model not found.' } })
  })

  it('cancels a running batch and its runs, once', async () => {
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'records', records: [{ domain: 'a.com' }, { domain: 'b.com' }] } })
    h.advance(500)
    await h.ok(o.cancelBatch, { uuid: batch.uuid })
    const cancelled = await finishedBatch(batch.uuid)
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) })
    expect((await h.ok(o.countRuns, { batchUuid: batch.uuid, statuses: ['cancelled'] })).count).toBe(2)
    expect(await h.call(o.cancelBatch, { uuid: batch.uuid })).toEqual({ status: 400, body: { reason: 'batchAlreadyFinished' } })
  })

  it('counts a run cancelled on its own, and finishes once its other runs have', async () => {
    const records = [{ domain: 'acme.com' }, { domain: 'globex.com' }, { domain: 'broken.invalid' }]
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'records', records } })
    const { runs } = await h.ok(o.listRuns, { batchUuid: batch.uuid })
    const last = runs[0].uuid
    await h.ok(o.cancelRuns, { workflowUuid: tool.workflowUuid, uuids: [last] })
    h.advance(150)
    expect((await h.ok(o.getBatch, { uuid: batch.uuid })).batch).toMatchObject({ status: 'pending', executedRunsCount: 1, failedRunsCount: 0 })
    const done = await finishedBatch(batch.uuid)
    // the cancelled one was the failing record: neither failed nor charged
    expect(done).toMatchObject({ status: 'success', runsCount: 3, executedRunsCount: 3, failedRunsCount: 0, creditsUsedCount: 2 })
    expect((await h.ok(o.countRuns, { batchUuid: batch.uuid, statuses: ['cancelled'] })).count).toBe(1)
  })

  it('runs one action over many records', async () => {
    const action = { kind: 'connector' as const, integrationSlug: 'clearbit', actionSlug: 'company_enrich', config: {} }
    const { batch } = await h.ok(o.executeActionBatch, { action, records: [{ domain: 'acme.com' }, { domain: 'x.invalid' }] })
    expect(batch.workflowUuid).toBe(SEED.adHocWorkflowUuid)
    expect(await finishedBatch(batch.uuid)).toMatchObject({ status: 'success', executedRunsCount: 2, failedRunsCount: 1 })
    expect((await h.call(o.executeActionBatch, { action, records: [] })).body).toEqual({ reason: 'dataError', dataError: { reason: 'noRecords' } })
  })

  it('runs a file batch over an uploaded CSV, its columns renamed by mappings, and previews it', async () => {
    const form = new FormData()
    form.append('file', new Blob(['Website,Name\r\nacme.com,"Acme, Inc."\nbroken.invalid,"Broken ""Co"""\n\n'], { type: 'text/csv' }), 'companies.csv')
    const headers = { authorization: `Bearer ${SEED.token}`, 'selected-workspace-uuid': SEED.workspaceUuid }
    const upload = await h.emulator.handle(new Request(`${ORIGIN}/v1/workspaceManagement/files/upload`, { method: 'POST', headers, body: form }))
    const { s3Filename } = (await upload.json()) as { s3Filename: string }

    const preview = await h.ok(o.previewBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'file', s3Filename } })
    expect(preview).toMatchObject({ count: 2, records: [{ Website: 'acme.com', Name: 'Acme, Inc.' }, { Website: 'broken.invalid', Name: 'Broken "Co"' }] })
    const data = { kind: 'file' as const, s3Filename, mappings: { Website: 'domain' } }
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data })
    expect(batch).toMatchObject({ runsCount: 2, data })
    expect(await finishedBatch(batch.uuid)).toMatchObject({ status: 'success', executedRunsCount: 2, failedRunsCount: 1 })
    expect((await h.ok(o.listRuns, { batchUuid: batch.uuid })).runs).toHaveLength(2)

    const missing = await h.call(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'file', s3Filename: 'nothing-here.csv' } })
    expect(missing.body).toMatchObject({ reason: 'dataError', dataError: { reason: 'invalidData' } })
  })

  it('previews the records a batch would take', async () => {
    const preview = await h.ok(o.previewBatch, { workflowUuid: play.workflowUuid, data: { kind: 'recordIds', modelUuid: SEED.modelUuid, ids: ['company_1'] } })
    expect(preview).toMatchObject({ count: 1, records: [{ _id: 'company_1' }], columns: expect.arrayContaining([{ slug: 'domain', type: 'string', label: 'Domain' }]) })
    expect((await h.call(o.previewBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'segment', segmentUuid: SEED.segmentUuid } })).body).toEqual({ reason: 'noModelLinkedToWorkflow' })
  })

  it('lists batches with their filters, and reports the last one on the workflow', async () => {
    const finished = await h.ok(o.listBatches, { workflowUuids: [play.workflowUuid], isFinished: true, includedDataKinds: ['segment'] })
    expect(finished.batches.map((batch: { data: { kind: string } }) => batch.data.kind)).toEqual(['segment'])
    const { workflows } = await h.ok(o.listWorkflows, {})
    const playWorkflow = workflows.find((workflow: { uuid: string }) => workflow.uuid === play.workflowUuid)
    expect(playWorkflow.lastBatch).toMatchObject({ status: 'success' })
    expect(playWorkflow.deployedRelease).toMatchObject({ uuid: play.releaseUuid, version: '1.0.0' })
  })
})
