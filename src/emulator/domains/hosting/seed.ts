import type { Kind, StoredDoc } from '../../kernel/store.js'
import { timingFor } from '../../kernel/timing.js'
import { materializeDeployment, hostedUrl, newDeployment } from './build.js'
import type { AppDoc, DeploymentDoc, WorkerDoc } from './documents.js'
import { KINDS } from './documents.js'
import { seededId as id } from '../../kernel/seeded.js'

/**
 * The hosting catalogue: an app and a worker, each with a promoted deployment, one failed app build, and a folder
 * of each kind. The uuids are part of the emulator's contract (help examples use them).
 */

export const HOSTING_SEED = {
  folders: { apps: id(0x71001), workers: id(0x71002) },
  app: { uuid: id(0x71101), slug: 'territories', liveDeploymentUuid: id(0x71111), failedDeploymentUuid: id(0x71112) },
  worker: { uuid: id(0x71201), slug: 'lead-router', liveDeploymentUuid: id(0x71211) },
} as const

export interface SeedOwner {
  workspaceUuid: string
  userUuid: string
  /** when everything seeded was created */
  at: string
}

const appFiles = [
  { path: 'package.json', content: '{\n  "name": "territories",\n  "private": true,\n  "scripts": { "build": "vite build" }\n}\n' },
  { path: 'index.html', content: '<!doctype html>\n<div id="root"></div>\n<script type="module" src="/src/main.tsx"></script>\n' },
  { path: 'src/main.tsx', content: "document.getElementById('root')!.textContent = 'Territories'\n" },
]
const brokenAppFiles = [{ path: 'package.json', content: '{ "name": "territories", ' }]
const workerFiles = [
  { path: 'package.json', content: '{\n  "name": "lead-router",\n  "private": true\n}\n' },
  { path: 'src/index.ts', content: "export default { fetch: () => new Response(JSON.stringify({ owner: 'maya.chen@acme.com' })) }\n" },
]

/** A seeded build: created at the seed time and already finished (seen long after, whatever the speed). */
function finishedBuild(parent: Parameters<typeof newDeployment>[0], uuid: string, owner: SeedOwner, files: typeof appFiles, promoted: boolean) {
  const { deployment, source } = newDeployment(parent, { uuid, userUuid: owner.userUuid, createdAt: owner.at, files })
  const built = materializeDeployment(deployment, source, Date.parse(owner.at) + 60_000, timingFor(1))
  const live: DeploymentDoc = promoted ? { ...built, promotedAt: built.finishedAt, promotedByUserUuid: owner.userUuid } : built
  return { deployment: live, source }
}

export function hostingDocs(owner: SeedOwner): Array<[Kind, StoredDoc]> {
  const { workspaceUuid, userUuid, at } = owner
  const base = { workspaceUuid, description: null, userUuid, chargedUntil: '2025-02-01T00:00:00.000Z', createdAt: at, updatedAt: at, deletedAt: null }
  const appParent = { kind: 'app' as const, uuid: HOSTING_SEED.app.uuid, slug: HOSTING_SEED.app.slug, workspaceUuid }
  const workerParent = { kind: 'worker' as const, uuid: HOSTING_SEED.worker.uuid, slug: HOSTING_SEED.worker.slug, workspaceUuid }
  const liveApp = finishedBuild(appParent, HOSTING_SEED.app.liveDeploymentUuid, owner, appFiles, true)
  const failedApp = finishedBuild(appParent, HOSTING_SEED.app.failedDeploymentUuid, owner, brokenAppFiles, false)
  const liveWorker = finishedBuild(workerParent, HOSTING_SEED.worker.liveDeploymentUuid, owner, workerFiles, true)
  const app: AppDoc = {
    uuid: appParent.uuid,
    name: 'Territories overview',
    slug: appParent.slug,
    url: hostedUrl('app', appParent.slug, workspaceUuid),
    folderUuid: HOSTING_SEED.folders.apps,
    promotedDeployment: liveApp.deployment,
    ...base,
  }
  const worker: WorkerDoc = {
    uuid: workerParent.uuid,
    name: 'Lead router',
    slug: workerParent.slug,
    url: hostedUrl('worker', workerParent.slug, workspaceUuid),
    folderUuid: HOSTING_SEED.folders.workers,
    promotedDeployment: liveWorker.deployment,
    triggers: [{ type: 'cron', name: 'hourly-reassign', description: 'Re-route leads left unowned', cron: '0 * * * *', path: '/reassign', method: 'POST', temporalScheduleWorkflowId: `hosting-schedule-${workerParent.uuid}-hourly-reassign` }],
    ...base,
  }
  const folder = (uuid: string, kind: string, name: string, emojiSlug: string) => ({ uuid, parentUuid: null, kind, workspaceUuid, name, emojiSlug, isReadOnly: false, deletedAt: null, createdAt: at, updatedAt: at })
  return [
    ['folder', folder(HOSTING_SEED.folders.apps, 'app', 'Apps', 'globe_with_meridians')],
    ['folder', folder(HOSTING_SEED.folders.workers, 'worker', 'Workers', 'gear')],
    [KINDS.app, app],
    [KINDS.worker, worker],
    ...[liveApp, failedApp, liveWorker].flatMap(({ deployment, source }): Array<[Kind, StoredDoc]> => [
      [KINDS.deployment, deployment],
      [KINDS.source, source],
    ]),
  ]
}
