import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as api from '../../src/api/endpoints/hosting.js'
import { endpointsOf } from '../support/spec-table.js'
import { HOSTING_SEED } from '../../src/emulator/domains/hosting/index.js'
import { Harness, checkedEndpoints } from './harness.js'

/** The emulated hosting domain through `handle()`: every successful answer is checked against its result schema. */

const { app: seededApp, worker: seededWorker, folders } = HOSTING_SEED
let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const appSource = [
  { path: 'package.json', content: '{"name":"board","scripts":{"build":"vite build"}}' },
  { path: 'src/main.ts', content: 'console.log(1)\n' },
]

describe('apps and workers', () => {
  it('lists the seeded app and worker with their promoted deployments, by folder', async () => {
    const apps = (await h.ok(api.listApps, {})).apps
    expect(apps.map((app: { uuid: string }) => app.uuid)).toEqual([seededApp.uuid])
    expect(apps[0]).toMatchObject({ slug: 'territories', url: 'https://territories-00000000.apps.cargo-emulator.localhost', promotedDeployment: { uuid: seededApp.liveDeploymentUuid, status: 'success' } })
    expect((await h.ok(api.listApps, { folderUuid: folders.workers })).apps).toEqual([])
    expect((await h.ok(api.listWorkers, { folderUuid: folders.workers })).workers.map((w: { uuid: string }) => w.uuid)).toEqual([seededWorker.uuid])
    const worker = (await h.ok(api.getWorker, { uuid: seededWorker.uuid })).worker
    expect(worker.triggers[0]).toMatchObject({ type: 'cron', cron: '0 * * * *', temporalScheduleWorkflowId: expect.any(String) })
  })

  it('creates with a unique DNS slug and a folder of its kind, updates without touching the slug, removes with its deployments', async () => {
    const created = (await h.ok(api.createApp, { name: 'Board', slug: 'board', folderUuid: folders.apps })).app
    expect(created).toMatchObject({ slug: 'board', folderUuid: folders.apps, promotedDeployment: null, description: null, chargedUntil: '2025-07-01T12:00:00.000Z' })
    expect(await h.call(api.createWorker, { name: 'Clash', slug: 'board' })).toMatchObject({ status: 400, body: { reason: 'duplicateSlug' } })
    expect(await h.call(api.createApp, { name: 'Bad', slug: 'Not_A_Host' })).toMatchObject({ status: 400, body: { reason: 'invalidSlug' } })
    expect(await h.call(api.createApp, { name: 'Wrong folder', slug: 'wrong', folderUuid: folders.workers })).toMatchObject({ status: 400, body: { reason: 'invalidFolderKind' } })
    const moved = (await h.ok(api.updateApp, { uuid: created.uuid, name: 'Pipeline board', folderUuid: null })).app
    expect(moved).toMatchObject({ name: 'Pipeline board', slug: 'board', folderUuid: null })
    const deployment = (await h.ok(api.createDeployment, { kind: 'app', appUuid: created.uuid, files: appSource })).deployment
    expect(await h.call(api.removeApp, { uuid: created.uuid })).toEqual({ status: 200, body: {} })
    expect(await h.call(api.getApp, { uuid: created.uuid })).toMatchObject({ status: 404, body: { reason: 'appNotFound' } })
    expect(await h.call(api.getDeployment, { uuid: deployment.uuid })).toMatchObject({ status: 404, body: { reason: 'deploymentNotFound' } })
  })

  it('checks worker triggers: five cron fields, a path from the root', async () => {
    const trigger = { type: 'cron' as const, name: 'nightly', cron: '0 2 * * *', path: '/sync', method: 'POST' as const }
    const worker = (await h.ok(api.createWorker, { name: 'Sync', slug: 'sync', triggers: [trigger] })).worker
    expect(worker.triggers).toEqual([{ ...trigger, temporalScheduleWorkflowId: `hosting-schedule-${worker.uuid}-nightly` }])
    expect(await h.call(api.updateWorker, { uuid: worker.uuid, triggers: [{ ...trigger, cron: 'nightly' }] })).toMatchObject({ status: 400, body: { reason: 'invalidCron' } })
    expect(await h.call(api.updateWorker, { uuid: worker.uuid, triggers: [{ ...trigger, path: 'sync' }] })).toMatchObject({ status: 400, body: { reason: 'invalidTriggerPath' } })
    expect((await h.ok(api.updateWorker, { uuid: worker.uuid, triggers: [] })).worker.triggers).toEqual([])
    expect(await h.call(api.removeWorker, { uuid: worker.uuid })).toEqual({ status: 200, body: {} })
  })
})

describe('deployments', () => {
  it('build on simulated time (pending, building, success), are promoted, and become the live one', async () => {
    const created = (await h.ok(api.createDeployment, { kind: 'app', appUuid: seededApp.uuid, files: appSource })).deployment
    expect(created).toMatchObject({ kind: 'app', appUuid: seededApp.uuid, status: 'pending', bundleS3Path: null, finishedAt: null, meta: {} })
    expect(await h.call(api.promoteDeployment, { uuid: created.uuid })).toMatchObject({ status: 400, body: { reason: 'deploymentNotSuccessful' } })
    h.advance(300)
    expect((await h.ok(api.getDeployment, { uuid: created.uuid })).deployment.status).toBe('building')
    h.advance(900)
    const built = (await h.ok(api.getDeployment, { uuid: created.uuid })).deployment
    expect(built).toMatchObject({ status: 'success', finishedAt: '2025-06-01T12:00:01.200Z', errorMessage: null })
    expect(await h.call(api.cancelDeployment, { uuid: created.uuid })).toMatchObject({ status: 400, body: { reason: 'deploymentAlreadyFinished' } })
    const promoted = (await h.ok(api.promoteDeployment, { uuid: created.uuid })).deployment
    expect(promoted).toMatchObject({ promotedAt: '2025-06-01T12:00:01.200Z', promotedByUserUuid: expect.any(String) })
    expect((await h.ok(api.getPromotedDeployment, { appUuid: seededApp.uuid })).deployment.uuid).toBe(created.uuid)
    expect((await h.ok(api.getApp, { uuid: seededApp.uuid })).app.promotedDeployment.uuid).toBe(created.uuid)
  })

  it('fail the build when the source lacks what the server looks for, with a build log', async () => {
    const broken = (await h.ok(api.createDeployment, { kind: 'worker', workerUuid: seededWorker.uuid, files: [{ path: 'README.md', content: 'hi' }] })).deployment
    expect(broken.meta).toEqual({ bundleSha256: expect.stringMatching(/^[0-9a-f]{64}$/), outboundAllowlist: [] })
    h.advance(2000)
    const failed = (await h.ok(api.getDeployment, { uuid: broken.uuid })).deployment
    expect(failed).toMatchObject({ status: 'error', errorMessage: 'No entry file: expected one of src/index.ts, src/index.js, index.ts, index.js' })
    const { url } = await h.ok(api.getBuildLogUrl, { uuid: broken.uuid })
    const log = await (await h.emulator.handle(new Request(url))).text()
    expect(log).toContain('error: No entry file')
    const archive = await (await h.emulator.handle(new Request((await h.ok(api.getSourceArchiveUrl, { uuid: broken.uuid })).url))).json()
    expect(archive).toEqual({ files: [{ path: 'README.md', content: 'hi' }] })
  })

  it('cancel an unfinished build; list newest first with filters and a count; refuse unsafe paths and a wrong parent', async () => {
    const started = (await h.ok(api.createDeployment, { kind: 'app', appUuid: seededApp.uuid, files: appSource })).deployment
    expect((await h.ok(api.cancelDeployment, { uuid: started.uuid })).deployment).toMatchObject({ status: 'cancelled', finishedAt: '2025-06-01T12:00:03.200Z' })
    h.advance(5000)
    expect((await h.ok(api.getDeployment, { uuid: started.uuid })).deployment.status).toBe('cancelled')
    const list = await h.ok(api.listDeployments, { appUuid: seededApp.uuid, limit: 2 })
    expect(list.count).toBe(4)
    expect(list.deployments.map((d: { uuid: string }) => d.uuid)).toHaveLength(2)
    expect(list.deployments[0].uuid).toBe(started.uuid)
    expect((await h.ok(api.countDeployments, { appUuid: seededApp.uuid, statuses: ['error'] })).count).toBe(1)
    expect((await h.ok(api.countDeployments, { workerUuid: seededWorker.uuid, createdAfter: '2025-06-01' })).count).toBe(1)
    expect(await h.call(api.createDeployment, { kind: 'app', appUuid: seededApp.uuid, files: [{ path: '../etc/passwd', content: '' }] })).toMatchObject({ status: 400, body: { reason: 'invalidFilePath' } })
    expect(await h.call(api.createDeployment, { kind: 'app', appUuid: seededWorker.uuid, files: appSource })).toMatchObject({ status: 404, body: { reason: 'appNotFound' } })
    expect(await h.call(api.getPromotedDeployment, { appUuid: seededWorker.uuid })).toMatchObject({ status: 404 })
  })

  it('answered every hosting endpoint, schema-checked', () => {
    expect(endpointsOf(api).map((endpoint) => endpoint.name).filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
