import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/hosting.js'
import type { HostedKind, WorkerTriggerInput } from '../../../api/schemas/hosting.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { sent, stamps } from '../../kernel/doc-fields.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { after, among, before, equal, newestFirst, page, select } from '../../kernel/selection.js'
import type { Where } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import { hostedUrl, isFinished, materializeDeployment, newDeployment } from './build.js'
import { type AppDoc, type DeploymentDoc, type HostedDoc, type HostingSourceDoc, KINDS, type WorkerDoc } from './documents.js'

/**
 * Hosted apps and workers, and their deployments: builds move pending → building → success | error on
 * simulated time (build.ts), a successful one can be promoted (it becomes the parent's promotedDeployment),
 * cancelled while unfinished, and its build log and source fetched through signed URLs.
 */

const FILES_PATH = '/__emulator/files/'
/** DNS label: what a slug must be to become a subdomain */
const SLUG = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/

const parentKind = (kind: HostedKind) => KINDS[kind]

function parentOf(ctx: Ctx, kind: HostedKind, uuid: string): HostedDoc {
  return mustGet<HostedDoc>(ctx, parentKind(kind), uuid, kind)
}

/** The parent named by a deployment call's appUuid or workerUuid (the payload schema ensures exactly one). */
function namedParent(ctx: Ctx, payload: { appUuid?: string; workerUuid?: string }): { kind: HostedKind; parent: HostedDoc } {
  const kind: HostedKind = payload.appUuid === undefined ? 'worker' : 'app'
  return { kind, parent: parentOf(ctx, kind, (payload.appUuid ?? payload.workerUuid) as string) }
}

function checkFolder(ctx: Ctx, kind: HostedKind, folderUuid: string | null | undefined): void {
  if (!folderUuid) return
  const folder = lookup<{ uuid: string; kind: string }>(ctx, 'folder', folderUuid)
  if (!folder) throw notFound('folder')
  if (folder.kind !== kind) throw badRequest('invalidFolderKind', `Folder ${folderUuid} holds ${folder.kind}s, not ${kind}s`)
}

function checkSlug(ctx: Ctx, slug: string): void {
  if (!SLUG.test(slug)) throw badRequest('invalidSlug', `"${slug}" cannot be a subdomain: use lowercase letters, digits and inner hyphens (at most 63)`)
  const taken = [...live<HostedDoc>(ctx, KINDS.app), ...live<HostedDoc>(ctx, KINDS.worker)].some((hosted) => hosted.slug === slug)
  if (taken) throw badRequest('duplicateSlug')
}

/** Five cron fields, a path from the root, and names unique within the worker. */
function withSchedules(workerUuid: string, triggers: WorkerTriggerInput[]): WorkerDoc['triggers'] {
  const names = new Set<string>()
  return triggers.map((trigger) => {
    if (trigger.cron.trim().split(/\s+/).length !== 5) throw badRequest('invalidCron', `Trigger ${trigger.name}: "${trigger.cron}" is not a five-field cron expression`)
    if (!trigger.path.startsWith('/')) throw badRequest('invalidTriggerPath', `Trigger ${trigger.name}: the path must start with /`)
    if (names.has(trigger.name)) throw badRequest('duplicateTriggerName', `Two triggers are named ${trigger.name}`)
    names.add(trigger.name)
    return { ...trigger, temporalScheduleWorkflowId: `hosting-schedule-${workerUuid}-${trigger.name}` }
  })
}

/** One month of hosting is charged when the resource is created. */
function chargedUntil(now: number): string {
  const date = new Date(now)
  date.setUTCMonth(date.getUTCMonth() + 1)
  return date.toISOString()
}

function createHosted(ctx: Ctx, kind: HostedKind, payload: { name: string; slug: string; description?: string; folderUuid?: string }): HostedDoc {
  checkSlug(ctx, payload.slug)
  checkFolder(ctx, kind, payload.folderUuid)
  const uuid = randomUUID()
  return {
    uuid,
    workspaceUuid: ctx.workspaceUuid,
    name: payload.name,
    description: payload.description ?? null,
    slug: payload.slug,
    url: hostedUrl(kind, payload.slug, ctx.workspaceUuid),
    userUuid: ctx.userUuid,
    folderUuid: payload.folderUuid ?? null,
    promotedDeployment: null,
    chargedUntil: chargedUntil(ctx.now),
    ...stamps(ctx),
    deletedAt: null,
  } as HostedDoc
}

function updateHosted<T extends HostedDoc>(ctx: Ctx, kind: HostedKind, payload: { uuid: string; name?: string; description?: string | null; folderUuid?: string | null }): T {
  const current = parentOf(ctx, kind, payload.uuid) as T
  checkFolder(ctx, kind, payload.folderUuid)
  return { ...current, ...sent(payload, ['name', 'description', 'folderUuid']), updatedAt: iso(ctx.now) }
}

/** Deleted with its deployments and their sources (the API cascades). */
function removeHosted(ctx: Ctx, kind: HostedKind, uuid: string): void {
  const hosted = parentOf(ctx, kind, uuid)
  for (const deployment of deploymentsOf(ctx, kind, uuid)) {
    ctx.store.remove(KINDS.deployment, deployment.uuid)
    ctx.store.remove(KINDS.source, deployment.uuid)
  }
  save(ctx, parentKind(kind), { ...hosted, deletedAt: iso(ctx.now), updatedAt: iso(ctx.now) })
}

const sourceOf = (ctx: Ctx, uuid: string) => ctx.store.get<HostingSourceDoc>(KINDS.source, uuid)

/** The deployment as it is now, written back when the simulated build moved on. */
function current(ctx: Ctx, deployment: DeploymentDoc): DeploymentDoc {
  const now = materializeDeployment(deployment, sourceOf(ctx, deployment.uuid), ctx.now, ctx.timing)
  if (now !== deployment) save(ctx, KINDS.deployment, now)
  return now
}

function deploymentsOf(ctx: Ctx, kind: HostedKind, parentUuid: string): DeploymentDoc[] {
  const where: Where = { [kind === 'app' ? 'appUuid' : 'workerUuid']: parentUuid }
  return live<DeploymentDoc>(ctx, KINDS.deployment, where).map((deployment) => current(ctx, deployment))
}

const deploymentOf = (ctx: Ctx, uuid: string) => current(ctx, mustGet<DeploymentDoc>(ctx, KINDS.deployment, uuid, 'deployment'))

const deploymentPredicates = {
  userUuid: equal('userUuid'),
  statuses: among('status'),
  createdAfter: after('createdAt'),
  createdBefore: before('createdAt'),
}

function matchingDeployments(ctx: Ctx, payload: { appUuid?: string; workerUuid?: string }): DeploymentDoc[] {
  const { kind, parent } = namedParent(ctx, payload)
  return newestFirst(select(deploymentsOf(ctx, kind, parent.uuid), payload, deploymentPredicates))
}

/** A signed URL the emulator serves (the same store kind as the other domains' exports). */
function publish(ctx: Ctx, contentType: string, content: string): { url: string } {
  const uuid = randomUUID()
  save(ctx, 'file', { uuid, contentType, content, createdAt: iso(ctx.now) })
  return { url: `${ctx.origin}${FILES_PATH}${uuid}` }
}

function buildLog(deployment: DeploymentDoc, source: HostingSourceDoc | undefined): string {
  const lines = [`${deployment.createdAt} queued`]
  if (deployment.status !== 'pending') lines.push(...(source?.log ?? []).slice(0, deployment.status === 'building' ? 1 : undefined))
  if (deployment.status === 'cancelled') lines.push(`${deployment.finishedAt} cancelled`)
  return `${lines.join('\n')}\n`
}

export const hostingHandlers = [
  on(api.listApps, (ctx, { folderUuid }) => ({ apps: live<AppDoc>(ctx, KINDS.app, folderUuid === undefined ? {} : { folderUuid }) })),
  on(api.getApp, (ctx, { uuid }) => ({ app: parentOf(ctx, 'app', uuid) })),
  on(api.createApp, (ctx, payload) => {
    const app = createHosted(ctx, 'app', payload)
    save(ctx, KINDS.app, app)
    return { app }
  }),
  on(api.updateApp, (ctx, payload) => {
    const app = updateHosted<AppDoc>(ctx, 'app', payload)
    save(ctx, KINDS.app, app)
    return { app }
  }),
  on(api.removeApp, (ctx, { uuid }) => removeHosted(ctx, 'app', uuid)),

  on(api.listWorkers, (ctx, { folderUuid }) => ({ workers: live<WorkerDoc>(ctx, KINDS.worker, folderUuid === undefined ? {} : { folderUuid }) })),
  on(api.getWorker, (ctx, { uuid }) => ({ worker: parentOf(ctx, 'worker', uuid) })),
  on(api.createWorker, (ctx, payload) => {
    const hosted = createHosted(ctx, 'worker', payload)
    const worker = { ...hosted, triggers: withSchedules(hosted.uuid, payload.triggers ?? []) } as WorkerDoc
    save(ctx, KINDS.worker, worker)
    return { worker }
  }),
  on(api.updateWorker, (ctx, payload) => {
    const worker = updateHosted<WorkerDoc>(ctx, 'worker', payload)
    if (payload.triggers) worker.triggers = withSchedules(worker.uuid, payload.triggers)
    save(ctx, KINDS.worker, worker)
    return { worker }
  }),
  on(api.removeWorker, (ctx, { uuid }) => removeHosted(ctx, 'worker', uuid)),

  on(api.listDeployments, (ctx, payload) => {
    const matching = matchingDeployments(ctx, payload)
    return { count: matching.length, deployments: page(matching, payload) }
  }),
  on(api.countDeployments, (ctx, payload) => ({ count: matchingDeployments(ctx, payload).length })),
  on(api.getDeployment, (ctx, { uuid }) => ({ deployment: deploymentOf(ctx, uuid) })),
  on(api.getPromotedDeployment, (ctx, payload) => {
    const { parent } = namedParent(ctx, payload)
    if (!parent.promotedDeployment) throw notFound('deployment')
    return { deployment: deploymentOf(ctx, parent.promotedDeployment.uuid) }
  }),
  on(api.createDeployment, (ctx, payload) => {
    const { kind, parent } = namedParent(ctx, payload)
    const paths = new Set<string>()
    for (const file of payload.files) {
      if (file.path.startsWith('/') || file.path.split('/').includes('..')) throw badRequest('invalidFilePath', `${file.path}: paths are relative to the source root`)
      if (paths.has(file.path)) throw badRequest('duplicateFilePath', `${file.path} is sent twice`)
      paths.add(file.path)
    }
    const files = payload.files.map(({ path, content }) => ({ path, content }))
    const { deployment, source } = newDeployment({ kind, uuid: parent.uuid, slug: parent.slug, workspaceUuid: parent.workspaceUuid }, { uuid: randomUUID(), userUuid: ctx.userUuid, createdAt: iso(ctx.now), files })
    save(ctx, KINDS.deployment, deployment)
    save(ctx, KINDS.source, source)
    return { deployment }
  }),
  on(api.promoteDeployment, (ctx, { uuid }) => {
    const deployment = deploymentOf(ctx, uuid)
    if (deployment.status !== 'success') throw badRequest('deploymentNotSuccessful', `Deployment ${uuid} is ${deployment.status}; only a successful build can be promoted`)
    const kind: HostedKind = deployment.kind
    const parent = parentOf(ctx, kind, deployment.kind === 'app' ? deployment.appUuid : deployment.workerUuid)
    const promoted = { ...deployment, promotedAt: iso(ctx.now), promotedByUserUuid: ctx.userUuid, updatedAt: iso(ctx.now) } as DeploymentDoc
    save(ctx, KINDS.deployment, promoted)
    save(ctx, parentKind(kind), { ...parent, promotedDeployment: promoted, updatedAt: iso(ctx.now) })
    return { deployment: promoted }
  }),
  on(api.cancelDeployment, (ctx, { uuid }) => {
    const deployment = deploymentOf(ctx, uuid)
    if (isFinished(deployment.status)) throw badRequest('deploymentAlreadyFinished', `Deployment ${uuid} has already ended (${deployment.status})`)
    const cancelled = { ...deployment, status: 'cancelled', finishedAt: iso(ctx.now), updatedAt: iso(ctx.now) } as DeploymentDoc
    save(ctx, KINDS.deployment, cancelled)
    return { deployment: cancelled }
  }),
  on(api.getBuildLogUrl, (ctx, { uuid }) => publish(ctx, 'text/plain; charset=utf-8', buildLog(deploymentOf(ctx, uuid), sourceOf(ctx, uuid)))),
  on(api.getSourceArchiveUrl, (ctx, { uuid }) => {
    deploymentOf(ctx, uuid)
    return publish(ctx, 'application/json', `${JSON.stringify({ files: sourceOf(ctx, uuid)?.files ?? [] })}\n`)
  }),
]
