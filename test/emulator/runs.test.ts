import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as o from '../../src/api/endpoints/orchestration.js'
import type { Node } from '../../src/api/schemas/orchestration.js'
import { SEED, SPEED_ENV, companyProfile } from '../../src/emulator/index.js'
import { speedFromEnv, timingFor } from '../../src/emulator/kernel/timing.js'
import { Harness } from './harness.js'

const tool = SEED.tool

/** Domains whose emulated company is above / below the tool's 100-employee branch. */
function domainWhere(test: (employees: number) => boolean): string {
  for (let i = 0; ; i++) {
    const domain = `company${i}.com`
    if (test(Number(companyProfile(domain).employees))) return domain
  }
}

const expr = (expression: string) => ({ kind: 'templateExpression', expression, instructTo: 'none', fromRecipe: false })
const uuid = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const node = (n: number, slug: string, actionSlug: string, config: Record<string, unknown>, children: number[]): Node =>
  ({ uuid: uuid(n), slug, kind: 'native', actionSlug, config, childrenUuids: children.map(uuid), fallbackOnFailure: false, position: { x: 0, y: 0 } }) as Node

const slugs = (run: { executions: Array<{ nodeSlug: string }> }) => run.executions.map((execution) => execution.nodeSlug)

describe('runs on simulated time', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  async function finished(runUuid: string) {
    h.advance(10_000)
    return h.ok(o.getRun, { uuid: runUuid })
  }

  it('goes pending → running → success as the injected clock moves', async () => {
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'acme.com' } })
    expect(run).toMatchObject({ status: 'pending', executions: [], finishedAt: null, workflowUuid: tool.workflowUuid, releaseUuid: tool.releaseUuid })
    expect((await h.ok(o.getRun, { uuid: run.uuid })).run.status).toBe('pending')
    h.advance(400)
    const running = await h.ok(o.getRun, { uuid: run.uuid })
    expect(running.run).toMatchObject({ status: 'running', executions: [{ nodeSlug: 'start', status: 'pending' }] })
    expect(running.runContext).toEqual({})
    h.advance(300)
    const step = await h.ok(o.getRun, { uuid: run.uuid })
    expect(step.runContext.start).toMatchObject({ domain: 'acme.com', _id: expect.any(String) })
    h.advance(900)
    const done = await h.ok(o.getRun, { uuid: run.uuid })
    expect(done.run).toMatchObject({ status: 'success', finishedAt: expect.any(String), errorMessage: null })
    expect(done.runContext.enrich).toMatchObject({ name: 'Acme', domain: 'acme.com' })
    expect(done.runComputedConfigs.enrich).toEqual({ domain: 'acme.com' })
  })

  it('routes the branch on the enriched employee count', async () => {
    for (const [domain, end, index] of [
      [domainWhere((n) => n > 100), 'end', 0],
      [domainWhere((n) => n <= 100), 'small', 1],
    ] as const) {
      const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain } })
      const done = await finished(run.uuid)
      expect(slugs(done.run)).toEqual(['start', 'enrich', 'is_large', end])
      expect(done.run.executions[2]).toMatchObject({ nodeChildIndex: index, status: 'success' })
      expect(done.runContext[end]).toMatchObject({ size: index === 0 ? 'large' : 'small', company_name: expect.any(String) })
    }
  })

  it('ends in error when the enrichment of a .invalid domain fails', async () => {
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'nowhere.invalid' } })
    const done = await finished(run.uuid)
    expect(done.run.status).toBe('error')
    expect(done.run.errorMessage).toMatch(/nowhere\.invalid/)
    expect(done.run.executions.at(-1)).toMatchObject({ nodeSlug: 'enrich', status: 'error', errorMessage: expect.stringMatching(/No company found/) })
  })

  it('refuses play workflows and unknown workflows', async () => {
    expect(await h.call(o.createRun, { workflowUuid: SEED.play.workflowUuid, data: {} })).toEqual({ status: 400, body: { reason: 'playNotCompatible' } })
    expect((await h.call(o.createRun, { workflowUuid: uuid(999), data: {} })).body).toEqual({ reason: 'workflowNotFound' })
  })

  it('runs an ad-hoc graph with filter, variables, switch, script and group nodes', async () => {
    const nodes = [
      node(1, 'start', 'start', {}, [2]),
      node(2, 'has_email', 'filter', { filter: expr('{{nodes.start.email !== undefined}}') }, [3]),
      node(3, 'extract', 'variables', { variables: [{ name: 'domain', type: 'string', value: expr("{{nodes.start.email.split('@')[1]}}") }] }, [4]),
      node(4, 'route', 'switch', { routes: [{ name: 'acme', uuid: uuid(40), value: expr("{{nodes.extract.domain === 'acme.com'}}") }, { name: 'other', uuid: uuid(41), value: true }] }, [5, 6]),
      node(5, 'double', 'script', { script: 'return nodes.start.items.map((n) => n * 2)' }, [7]),
      node(6, 'end_other', 'end', { variables: [] }, []),
      node(7, 'each', 'group', { items: expr('{{nodes.double.result}}'), failOnItemFailure: false, _nodes: [node(70, 'start', 'start', {}, [71]), node(71, 'end', 'end', { variables: [{ name: 'seen', type: 'number', value: expr('{{nodes.start.value + parentNodes.double.result.length}}') }] }, [])] }, [8]),
      node(8, 'end', 'end', { variables: [{ name: 'summary', type: 'string', value: expr('{{nodes.extract.domain}}: {{nodes.each.length}} items') }] }, []),
    ]
    expect(await h.ok(o.validateNodes, { nodes })).toEqual({ outcome: 'valid' })
    const { run } = await h.ok(o.createRun, { nodes, data: { email: 'ada@acme.com', items: [1, 2] } })
    expect(run).toMatchObject({ workflowUuid: SEED.adHocWorkflowUuid, nodes: expect.any(Array) })
    const done = await finished(run.uuid)
    expect(done.run.status).toBe('success')
    expect(slugs(done.run)).toEqual(['start', 'has_email', 'extract', 'route', 'double', 'each', 'end'])
    expect(done.runContext.double).toEqual({ result: [2, 4] })
    expect(done.runContext.each).toEqual([{ seen: 4 }, { seen: 6 }])
    expect(done.runContext.end).toEqual({ summary: 'acme.com: 2 items' })

    const { run: stopped } = await h.ok(o.createRun, { nodes, data: { name: 'no email' } })
    expect(slugs((await finished(stopped.uuid)).run)).toEqual(['start', 'has_email'])
  })

  it('keeps expressions away from the host process', async () => {
    const nodes = [
      node(1, 'start', 'start', {}, [2]),
      node(2, 'escape', 'variables', { variables: [{ name: 'p', type: 'any', value: expr("{{this.constructor.constructor('return process')()}}") }] }, [3]),
      node(3, 'end', 'end', { variables: [] }, []),
    ]
    const { run } = await h.ok(o.createRun, { nodes, data: {} })
    const done = await finished(run.uuid)
    expect(done.run).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/escape: could not compute the config/) })
  })

  it('executes one action as an ad-hoc run whose config defaults to the record', async () => {
    const action = { kind: 'connector' as const, integrationSlug: 'clearbit', actionSlug: 'company_enrich', config: {} }
    const { run } = await h.ok(o.executeAction, { action, data: { domain: 'globex.com' } })
    const done = await finished(run.uuid)
    expect(done.run.status).toBe('success')
    expect(done.runContext.action).toMatchObject({ name: 'Globex' })
    expect((await h.ok(o.getActionOutputSchema, { action })).schema).toMatchObject({ type: 'object' })
    expect((await h.call(o.getActionOutputSchema, { action: { ...action, actionSlug: 'nope' } })).body).toEqual({ reason: 'actionNotFound' })
  })

  it('lists, counts, measures and cancels runs', async () => {
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { _id: 'rec-42', name: 'Forty-two', domain: 'fortytwo.com' } })
    const listed = await h.ok(o.listRuns, { workflowUuid: tool.workflowUuid, statuses: ['pending'], limit: 1 })
    expect(listed.runs.map((r: { uuid: string }) => r.uuid)).toEqual([run.uuid])
    expect(listed.count).toBe(1)
    expect((await h.ok(o.countRuns, { recordTitleOrId: 'rec-42' })).count).toBe(1)
    h.advance(700)
    await h.ok(o.cancelRuns, { workflowUuid: tool.workflowUuid, uuids: [run.uuid] })
    const cancelled = await finished(run.uuid)
    expect(cancelled.run).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) })
    expect(slugs(cancelled.run)).toEqual(['start', 'enrich'])
    const records = await h.ok(o.listRecords, { workflowUuid: tool.workflowUuid, ids: ['rec-42'] })
    expect(records.records).toMatchObject([{ id: 'rec-42', title: 'Forty-two', status: 'cancelled', runUuid: run.uuid }])
    const metrics = await h.ok(o.getRunMetrics, { workflowUuid: tool.workflowUuid })
    expect(metrics.runMetrics.length).toBeGreaterThan(0)
    expect(metrics.runMetrics.some((m: { cancelledExecutionsCount: number }) => m.cancelledExecutionsCount > 0)).toBe(true)
  })

  it('pages newest first and counts the same way whether SQL or the documents apply the filters', async () => {
    const h2 = new Harness()
    try {
      const created: string[] = []
      for (let i = 0; i < 5; i++) {
        created.push((await h2.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { _id: `page-${i}`, name: `Page ${i}`, domain: 'acme.com' } })).run.uuid)
        h2.advance(1)
      }
      const newestFirst = [...created].reverse()
      const uuids = (answer: Record<string, any>) => answer.runs.map((r: { uuid: string }) => r.uuid)
      // stored fields only: paged and counted in SQL
      const bySql = await h2.ok(o.listRuns, { workflowUuid: tool.workflowUuid, statuses: ['pending'], limit: 2, offset: 1 })
      expect({ uuids: uuids(bySql), count: bySql.count }).toEqual({ uuids: newestFirst.slice(1, 3), count: 5 })
      // a title filter is checked on the documents: the same page
      const byDocs = await h2.ok(o.listRuns, { workflowUuid: tool.workflowUuid, recordTitle: 'page', limit: 2, offset: 1 })
      expect({ uuids: uuids(byDocs), count: byDocs.count }).toEqual({ uuids: newestFirst.slice(1, 3), count: 5 })
      expect((await h2.ok(o.countRuns, { statuses: ['pending'], recordId: 'page-1' })).count).toBe(1)
      expect((await h2.ok(o.countRuns, { statuses: ['success'] })).count).toBe(0)
      // creation dates and isFinished are applied in SQL too; with a title filter, on the documents
      const third = (await h2.ok(o.getRun, { uuid: created[2] })).run.createdAt
      for (const extra of [{}, { recordTitle: 'page' }]) {
        const dated = await h2.ok(o.listRuns, { createdAfter: third, isFinished: false, ...extra })
        expect({ uuids: uuids(dated), count: dated.count }).toEqual({ uuids: newestFirst.slice(0, 3), count: 3 })
        expect((await h2.ok(o.countRuns, { createdBefore: third, ...extra })).count).toBe(2)
        expect((await h2.ok(o.countRuns, { isFinished: true, ...extra })).count).toBe(0)
      }
      h2.advance(60_000)
      expect((await h2.ok(o.countRuns, { statuses: ['success'] })).count).toBe(5)
      expect((await h2.ok(o.listRuns, { statuses: ['pending'] })).runs).toEqual([])
    } finally {
      h2.close()
    }
  })

  it('derives spans and traces from the executions', async () => {
    const { run } = await h.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'trace.invalid' } })
    await finished(run.uuid)
    const spans = await h.ok(o.listSpans, { executionStartedAfter: '2025-01-01', runUuid: run.uuid })
    expect(spans.count).toBe(2)
    expect(spans.spans.map((s: { executionStatus: string }) => s.executionStatus).sort()).toEqual(['error', 'success'])
    expect((await h.ok(o.countSpans, { executionStartedAfter: '2025-01-01', runUuid: run.uuid, executionStatuses: ['error'] })).count).toBe(1)
    const { trace } = await h.ok(o.getTrace, { uuid: run.traceUuid })
    expect(trace).toMatchObject({ rootRunUuid: run.uuid, status: 'error', spansCount: 2, failedSpansCount: 1 })
    expect((await h.ok(o.countTraces, { startedAfter: '2025-01-01', statuses: ['error'] })).count).toBeGreaterThan(0)
  })

  it('reads its speed from CARGO_AI_EMULATOR_SPEED', () => {
    expect(speedFromEnv({})).toBe(1)
    expect(speedFromEnv({ [SPEED_ENV]: '10' })).toBe(10)
    expect(speedFromEnv({ [SPEED_ENV]: 'instant' })).toBe(Number.POSITIVE_INFINITY)
    expect(() => speedFromEnv({ [SPEED_ENV]: 'fast' })).toThrow(/CARGO_AI_EMULATOR_SPEED/)
    expect(timingFor(10)).toEqual({ pendingMs: 30, nodeMs: 30, staggerMs: 10 })
  })

  it('finishes at once in instant mode', async () => {
    const instant = new Harness({ speed: Number.POSITIVE_INFINITY })
    const { run } = await instant.ok(o.createRun, { workflowUuid: tool.workflowUuid, data: { domain: 'acme.com' } })
    expect(run.status).toBe('pending')
    expect((await instant.ok(o.getRun, { uuid: run.uuid })).run.status).toBe('success')
    instant.close()
  })
})
