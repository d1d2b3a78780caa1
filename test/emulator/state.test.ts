import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import { SEED, createEmulator } from '../../src/emulator/index.js'
import { Harness } from './harness.js'

const { tool, play } = SEED

describe('queries, downloads and shared state', () => {
  let h: Harness
  let batchUuid: string
  beforeAll(async () => {
    h = new Harness()
    for (const domain of ['acme.com', 'broken.invalid']) await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain } })
    batchUuid = (await h.ok(o.createBatch, { workflowUuid: play.workflowUuid, data: { kind: 'segment', segmentUuid: SEED.segmentUuid } })).batch.uuid
  })
  afterAll(() => h.close())

  const query = async (sql: string) => (await h.ok(o.executeQuery, { query: sql })).rows

  it('runs SQL over runs, batches, spans and records, with statuses moved on by the clock', async () => {
    expect(await query("SELECT count() AS n FROM runs WHERE status = 'pending'")).toEqual([{ n: 5 }])
    h.advance(60_000)
    expect(await query('SELECT status, count() AS n FROM runs GROUP BY status ORDER BY status')).toEqual([
      { status: 'error', n: 1 },
      { status: 'success', n: 4 },
    ])
    expect(await query('SELECT status, runs_count, executed_runs_count FROM batches')).toEqual([{ status: 'success', runs_count: 3, executed_runs_count: 3 }])
    const spans = await query("SELECT node_slug, execution_status, execution_started_at FROM spans WHERE execution_status = 'error'")
    expect(spans).toEqual([{ node_slug: 'enrich', execution_status: 'error', execution_started_at: expect.any(String) }])
    const records = await query(`SELECT id, title FROM records WHERE workflow_uuid = '${play.workflowUuid}' ORDER BY id`)
    expect(records.map((row: { id: string }) => row.id)).toEqual(['company_1', 'company_2', 'company_5'])
    const [latest] = await query('SELECT uuid, workflow_uuid, created_at, execution_started_at FROM runs ORDER BY created_at DESC LIMIT 1')
    expect(Object.keys(latest)).toEqual(['uuid', 'workflow_uuid', 'created_at', 'execution_started_at'])
  })

  it('answers 400 with the SQL error, and refuses writes', async () => {
    const bad = await h.call(o.executeQuery, { query: 'SELECT nope FROM runs' })
    expect(bad).toEqual({ status: 400, body: { errorMessage: expect.stringMatching(/^SQL error: .*nope/) } })
    const write = await h.call(o.executeQuery, { query: 'DELETE FROM entities' })
    expect(write).toMatchObject({ status: 400, body: { errorMessage: 'Only read-only queries (SELECT) are allowed' } })
  })

  it('hands out download URLs that it serves itself, without auth', async () => {
    const fetchUrl = async (url: string) => {
      expect(url).toMatch(/^http:\/\/emulator\.test\/__emulator\/files\//)
      const response = await h.emulator.handle(new Request(url))
      return { type: response.headers.get('content-type'), text: await response.text() }
    }
    const runs = await fetchUrl((await h.ok(o.downloadRuns, { workflowUuid: tool.workflowUuid })).url)
    expect(runs.type).toBe('application/x-ndjson')
    expect(runs.text.trim().split('\n').map((line) => JSON.parse(line).workflowUuid)).toEqual([tool.workflowUuid, tool.workflowUuid])
    const outputs = await fetchUrl((await h.ok(o.downloadRunOutputs, { workflowUuid: tool.workflowUuid, statuses: ['success'], format: 'json' })).url)
    expect(JSON.parse(outputs.text)).toEqual([expect.objectContaining({ status: 'success', company_name: 'Acme' })])
    const csv = await fetchUrl((await h.ok(o.downloadBatch, { uuid: batchUuid })).url)
    expect(csv.type).toMatch(/^text\/csv/)
    expect(csv.text.split('\n')[0]).toBe('recordId,recordTitle,runUuid,status,company_name,industry,employees')
    const records = await fetchUrl((await h.ok(o.downloadRecords, { workflowUuid: play.workflowUuid })).url)
    expect(records.text.trim().split('\n')).toHaveLength(3)
    expect((await h.call(o.downloadRecordOutputs, { workflowUuid: play.workflowUuid, ids: ['nobody'] })).body).toEqual({ reason: 'noRecordsFound' })
    expect((await h.emulator.handle(new Request('http://emulator.test/__emulator/files/unknown'))).status).toBe(404)
  })

  it('refuses to export a batch before it finishes', async () => {
    const { batch } = await h.ok(o.createBatch, { workflowUuid: tool.workflowUuid, data: { kind: 'records', records: [{ domain: 'a.com' }] } })
    expect(await h.call(o.downloadBatch, { uuid: batch.uuid })).toEqual({ status: 400, body: { reason: 'batchNotFinished' } })
  })

  it('shares one database file between emulator instances', async () => {
    const other = createEmulator({ dbPath: h.dbPath, now: () => h.clock.now })
    const { tool: created } = await h.ok(o.createTool, { name: 'Shared', icon: { kind: 'emoji', emojiSlug: 'link' } })
    const seen = await other.handle(new Request(`http://other.test/v1/orchestration/tools/${created.uuid}`, { headers: { authorization: `Bearer ${other.credentials.token}` } }))
    expect((await seen.json()).tool.name).toBe('Shared')
    const remove = await other.handle(new Request(`http://other.test/v1/orchestration/tools/${created.uuid}`, { method: 'DELETE', headers: { authorization: `Bearer ${SEED.token}` } }))
    expect(remove.status).toBe(200)
    expect((await h.call(o.getTool, { uuid: created.uuid })).body).toEqual({ reason: 'toolNotFound' })
    other.close()
  })

  it('resets to the seed', async () => {
    h.emulator.reset()
    expect(await query('SELECT count() AS n FROM runs')).toEqual([{ n: 0 }])
    expect((await h.ok(o.listTools, {})).tools.map((t: { uuid: string }) => t.uuid)).toEqual([tool.uuid])
  })
})
