import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import * as sor from '../../src/api/endpoints/system-of-record.js'
import { UnsupportedSql, clickhouseToSqlite } from '../../src/emulator/clickhouse-functions.js'
import { SEED } from '../../src/emulator/index.js'
import { Harness } from './harness.js'

/**
 * `orchestration query execute` speaks ClickHouse at the API and SQLite in the emulator: the functions and
 * syntax the docs' queries use work, string literals are never rewritten, and what the emulator lacks is
 * refused with `emulatorSqlUnsupported`.
 */

describe('the query text as SQLite runs it', () => {
  it.each([
    ['now() - INTERVAL 7 DAY', "__date_add(now(), -7, 'day')"],
    ['created_at >= now() - interval 3 hours', "created_at >= __date_add(now(), -3, 'hour')"],
    ["toDate(r.created_at) + INTERVAL '2' WEEK", "__date_add(toDate(r.created_at), 2, 'week')"],
    ["'2025-01-31' + INTERVAL '1 month'", "__date_add('2025-01-31', 1, 'month')"],
    ['DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)', "DATE_SUB(today(), __interval(30, 'day'))"],
    ['SELECT CURRENT_TIMESTAMP', 'SELECT now()'],
    ['SELECT count( ) FROM runs', 'SELECT count() FROM runs'],
    ['SELECT count(*) FROM runs', 'SELECT count(*) FROM runs'],
  ])('%s', (clickhouse, sqlite) => {
    expect(clickhouseToSqlite(clickhouse)).toBe(sqlite)
  })

  it('leaves string literals, quoted names and comments as they are', () => {
    const sql = `SELECT 'now() - INTERVAL 7 DAY' AS "count( ) - INTERVAL 1 DAY", 'it''s count( )' -- INTERVAL 1 DAY\n/* ARRAY JOIN */ FROM runs`
    expect(clickhouseToSqlite(sql)).toBe(sql)
  })

  it.each([
    ['SELECT INTERVAL 1 DAY', /INTERVAL only after \+ or -/],
    ['SELECT now() - INTERVAL 1 FORTNIGHT', /this INTERVAL is not understood/],
    ['SELECT * FROM runs PREWHERE status = 1', /PREWHERE is not available/],
    ['SELECT arrayMap(x -> x * 2, [1, 2])', /lambda functions/],
    ['SELECT uuid FROM runs ARRAY JOIN tags', /ARRAY JOIN is not available/],
  ])('refuses %s', (sql, message) => {
    expect(() => clickhouseToSqlite(sql)).toThrow(UnsupportedSql)
    expect(() => clickhouseToSqlite(sql)).toThrow(message)
  })
})

describe('ClickHouse functions in the emulator', () => {
  let h: Harness
  const query = async (sql: string) => (await h.ok(o.executeQuery, { query: sql })).rows
  beforeAll(async () => {
    h = new Harness()
    await h.ok(o.createRun, { workflowUuid: SEED.tool.workflowUuid, data: { domain: 'acme.com' } })
    h.advance(2 * 86_400_000)
    for (const domain of ['globex.com', 'broken.invalid']) await h.ok(o.createRun, { workflowUuid: SEED.tool.workflowUuid, data: { domain } })
    await h.ok(o.createBatch, { workflowUuid: SEED.play.workflowUuid, data: { kind: 'segment', segmentUuid: SEED.segmentUuid } })
    h.advance(60_000)
  })
  afterAll(() => h.close())

  describe("the docs' queries", () => {
    it("SELECT count() FROM runs WHERE status='error': the column is named count()", async () => {
      expect(await query("SELECT count() FROM runs WHERE status='error'")).toEqual([{ 'count()': 1 }])
      expect(await query("SELECT count() FROM runs WHERE status = 'error'")).toEqual([{ 'count()': 1 }])
    })

    it('SELECT status, count() FROM batches GROUP BY status', async () => {
      expect(await query('SELECT status, count() FROM batches GROUP BY status')).toEqual([{ status: 'success', 'count()': 1 }])
    })

    it('SELECT * FROM spans ORDER BY execution_started_at DESC LIMIT 10', async () => {
      const spans = await query('SELECT * FROM spans ORDER BY execution_started_at DESC LIMIT 10')
      expect(spans).toHaveLength(10)
      const started = spans.map((span: { execution_started_at: string }) => span.execution_started_at)
      expect(started).toEqual([...started].sort().reverse())
    })

    it('the system of record: WHERE created_at >= DATE_SUB(CURRENT_DATE(), INTERVAL 30 DAY)', async () => {
      const since = async (days: number) =>
        h.ok(sor.querySystemOfRecord, { query: `SELECT count() AS n FROM runs WHERE created_at >= DATE_SUB(CURRENT_DATE(), INTERVAL ${days} DAY)` })
      expect(await since(30)).toEqual({ outcome: 'queried', rows: [{ n: 6 }] })
      expect(await since(1)).toEqual({ outcome: 'queried', rows: [{ n: 5 }] })
    })
  })

  it('countIf and uniqExact (NULLs not counted), with count() beside them', async () => {
    const rows = await query(
      "SELECT count(), countIf(status = 'error') AS failed, countIf(status = 'success') AS ok, uniqExact(workflow_uuid) AS workflows, uniqExact(batch_uuid) AS batches FROM runs",
    )
    expect(rows).toEqual([{ 'count()': 6, failed: 1, ok: 5, workflows: 2, batches: 1 }])
  })

  it("now(), today(), CURRENT_DATE and CURRENT_TIMESTAMP follow the emulator's clock", async () => {
    const now = new Date(h.clock.now).toISOString()
    expect(await query('SELECT now() AS a, today() AS b, CURRENT_DATE AS c, CURRENT_TIMESTAMP() AS d')).toEqual([
      { a: now, b: now.slice(0, 10), c: now.slice(0, 10), d: now },
    ])
  })

  it('toDate and toStartOfDay group runs by day', async () => {
    const rows = await query('SELECT toDate(created_at) AS day, toStartOfDay(created_at) AS start, count() AS n FROM runs GROUP BY day ORDER BY day')
    expect(rows).toEqual([
      { day: '2025-06-01', start: '2025-06-01T00:00:00.000Z', n: 1 },
      { day: '2025-06-03', start: '2025-06-03T00:00:00.000Z', n: 5 },
    ])
  })

  it.each([
    ['MINUTE', 5, 5],
    ['HOUR', 1, 5],
    ['DAY', 1, 5],
    ['DAY', 7, 6],
    ['WEEK', 1, 6],
    ['MONTH', 1, 6],
  ])('created_at >= now() - INTERVAL %s (%i): the runs of that window', async (unit, amount, expected) => {
    expect(await query(`SELECT count() AS n FROM runs WHERE created_at >= now() - INTERVAL ${amount} ${unit}`)).toEqual([{ n: expected }])
  })

  it('date arithmetic: months keep the day where they can, dates stay dates', async () => {
    expect(
      await query(
        "SELECT '2025-01-31' + INTERVAL 1 MONTH AS a, toDate('2025-03-01 10:00:00') - INTERVAL 1 DAY AS b, toStartOfDay('2025-03-01T10:20:30Z') + INTERVAL 90 MINUTE AS c, toMonday('2025-06-01') AS d, toStartOfMonth('2025-06-17') AS e, dateDiff('day', '2025-06-01', '2025-06-03 01:00:00') AS f",
      ),
    ).toEqual([{ a: '2025-02-28', b: '2025-02-28', c: '2025-03-01T01:30:00.000Z', d: '2025-05-26', e: '2025-06-01', f: 2 }])
  })

  it('a ClickHouse function the emulator lacks: 400 emulatorSqlUnsupported, saying its SQL differs', async () => {
    const answer = await h.call(o.executeQuery, { query: 'SELECT quantile(0.9)(executions_count) FROM runs' })
    expect(answer.status).toBe(400)
    const missing = await h.call(o.executeQuery, { query: 'SELECT arrayJoin(1) AS x' })
    expect(missing).toEqual({
      status: 400,
      body: { reason: 'emulatorSqlUnsupported', errorMessage: expect.stringMatching(/^SQL error: the emulator has no function arrayJoin\. .*differs from the API's ClickHouse\.$/) },
    })
    const interval = await h.call(o.executeQuery, { query: 'SELECT INTERVAL 1 DAY AS x' })
    expect(interval).toMatchObject({ status: 400, body: { reason: 'emulatorSqlUnsupported' } })
  })

  it('a bad date is an SQL error, not a crash', async () => {
    const answer = await h.call(o.executeQuery, { query: "SELECT toDate('yesterday-ish') AS d" })
    expect(answer).toEqual({ status: 400, body: { errorMessage: expect.stringContaining('toDate: cannot read "yesterday-ish" as a date or time') } })
  })
})
