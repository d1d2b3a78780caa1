import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/observability.js'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import { OBSERVABILITY_SEED } from '../../src/emulator/domains/observability/index.js'
import { SEED } from '../../src/emulator/index.js'
import { Harness } from './harness.js'

/** The emulated alerts: checks on create/update, previews computed from emulated runs, events recorded on the schedule. */

let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const workflowUuid = SEED.tool.workflowUuid
const runsScope = { kind: 'runs' as const, workflowUuid }
const errorRate = { metric: 'errorRate' as const, operator: 'gte' as const, value: 10 }

describe('alert previews over emulated runs', () => {
  it('is empty with no run in the window; count is a real 0', async () => {
    expect(await h.ok(api.previewAlert, { scope: runsScope, threshold: errorRate, windowMinutes: 60 })).toEqual({ outcome: 'empty' })
    expect(await h.ok(api.previewAlert, { scope: runsScope, threshold: { metric: 'count', operator: 'gte', value: 1 }, windowMinutes: 60 })).toEqual({
      outcome: 'computed',
      value: 0,
      total: 0,
      isBreached: false,
    })
  })

  it('computes the error rate of finished runs: one failing domain of four is 25%', async () => {
    for (const domain of ['acme.com', 'globex.com', 'initech.com', 'broken.invalid']) await h.ok(orchestration.createRun, { workflowUuid, data: { domain } })
    h.advance(60_000)
    expect(await h.ok(api.previewAlert, { scope: runsScope, threshold: errorRate, windowMinutes: 60 })).toEqual({ outcome: 'computed', value: 25, total: 4, failed: 1, isBreached: true })
  })

  it('answers notComputed for a mismatched pair and SQL scopes, and counts model records', async () => {
    const mismatched = await h.ok(api.previewAlert, { scope: runsScope, threshold: { metric: 'recordsCount', operator: 'gte', value: 1 }, windowMinutes: 60 })
    expect(mismatched).toMatchObject({ outcome: 'notComputed', computeErrorMessage: expect.stringContaining('recordsCount') })
    expect((await h.ok(api.previewAlert, { scope: { kind: 'storageQuery', query: 'SELECT 1' }, threshold: { metric: 'query', operator: 'gte', value: 1 } })).outcome).toBe('notComputed')
    expect(await h.ok(api.previewAlert, { scope: { kind: 'model', modelUuid: SEED.modelUuid }, threshold: { metric: 'recordsCount', operator: 'lte', value: 3 } })).toEqual({
      outcome: 'computed',
      value: 5,
      isBreached: false,
    })
  })
})

describe('alerts and events', () => {
  it('refuses a bad cron, a mismatched pair, a missing model, folder or action target', async () => {
    const base = { name: 'x', cron: '0 * * * *', scope: runsScope, threshold: errorRate }
    expect((await h.call(api.createAlert, { ...base, cron: '61 * * * *' })).body).toMatchObject({ reason: 'invalidCron' })
    expect((await h.call(api.createAlert, { ...base, cron: '@every 30s' })).body).toMatchObject({ reason: 'invalidCron' })
    expect((await h.call(api.createAlert, { ...base, threshold: { metric: 'freshness', operator: 'gte', value: 1 } })).body).toMatchObject({ reason: 'mismatchedThreshold' })
    expect((await h.call(api.createAlert, { ...base, scope: { kind: 'model', modelUuid: '6f1e2d3c-4b5a-4968-8776-655443322110' }, threshold: { metric: 'recordsCount', operator: 'lte', value: 1 } })).body).toMatchObject({ reason: 'modelNotFound' })
    expect((await h.call(api.createAlert, { ...base, scope: { kind: 'storageQuery', query: 'DROP TABLE x' }, threshold: { metric: 'query', operator: 'gte', value: 1 } })).body).toMatchObject({ reason: 'invalidSql' })
    expect((await h.call(api.createAlert, { ...base, folderUuid: '6f1e2d3c-4b5a-4968-8776-655443322110' })).status).toBe(404)
    expect((await h.call(api.createAlert, { ...base, actions: [{ kind: 'agent', agentUuid: 'missing' }] })).body).toMatchObject({ reason: 'actionNotFound' })
  })

  it('records an event per schedule tick when read, with the value measured then', async () => {
    const { alert } = await h.ok(api.createAlert, { name: 'Enrichment errors', cron: '*/5 * * * *', scope: runsScope, threshold: errorRate })
    expect(alert).toMatchObject({ isEnabled: true, schedule: { type: 'cron', cron: '*/5 * * * *' }, actions: [] })
    expect(alert.lastEvent).toBeNull()
    h.advance(5 * 60_000)
    const { alert: read } = await h.ok(api.getAlert, { uuid: alert.uuid })
    expect(read.lastEvent).toMatchObject({ alertUuid: alert.uuid, status: 'unhealthy', value: 25, runUuids: [] })
    expect(await h.ok(api.countEvents, { alertUuid: alert.uuid })).toEqual({ count: 1 })
    expect((await h.ok(api.listEvents, { alertUuid: alert.uuid, statuses: ['healthy'] })).events).toEqual([])
  })

  it('updates only what is sent, pauses, clears the description, removes', async () => {
    const { alert } = await h.ok(api.createAlert, { name: 'Paused soon', description: 'd', cron: '@every 1h', scope: runsScope, threshold: errorRate })
    const { alert: updated } = await h.ok(api.updateAlert, { uuid: alert.uuid, isEnabled: false, description: null })
    expect(updated).toMatchObject({ name: 'Paused soon', isEnabled: false })
    expect(updated.description).toBeNull()
    expect((await h.call(api.updateAlert, { uuid: alert.uuid, threshold: { metric: 'query', operator: 'gte', value: 1 } })).body).toMatchObject({ reason: 'mismatchedThreshold' })
    await h.ok(api.removeAlert, { uuid: alert.uuid })
    expect((await h.call(api.getAlert, { uuid: alert.uuid })).body).toMatchObject({ reason: 'alertNotFound' })
  })

  it('lists the seeded alerts with their latest event', async () => {
    const { alerts } = await h.ok(api.listAlerts, {})
    const seeded = alerts.find((alert: { uuid: string }) => alert.uuid === OBSERVABILITY_SEED.errorRateAlertUuid)
    expect(seeded.lastEvent.createdAt > '2025-01-01T02:00:00.000Z').toBe(true)
    expect(alerts.find((alert: { uuid: string }) => alert.uuid === OBSERVABILITY_SEED.modelAlertUuid)).toMatchObject({ isEnabled: false })
  })
})
