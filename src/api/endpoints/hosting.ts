/**
 * The hosting endpoints (spec/commands/hosting.json): apps and workers, and the deployments that build their
 * source and go live when promoted. The 1.0.57 client has no reason table for hosting: the reasons here are the
 * docs' (duplicateSlug) and the 404s every API domain answers.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import { app, deployment, deploymentStatus, hostedKind, sourceFile, worker, workerTriggerInput } from '../schemas/hosting.js'

const appNotFound = 'No app matches this UUID; see `hosting app list`.'
const workerNotFound = 'No worker matches this UUID; see `hosting worker list`.'
const deploymentNotFound = 'No deployment matches this UUID; see `hosting deployment list`.'
const duplicateSlug = 'Another app or worker of this workspace already uses this slug.'
const folderNotFound = 'The folder passed with --folder-uuid does not exist; see `workspaceManagement folder list`.'

const appResult = z.looseObject({ app })
const workerResult = z.looseObject({ worker })
const deploymentResult = z.looseObject({ deployment })
const triggersDescription =
  'Cron triggers as a JSON array of {type: "cron", name, description?, cron, path, method: GET|POST|PUT|PATCH|DELETE, data?, headers?}'

/** Deployments belong to one app or one worker: the calls that name the parent take exactly one of the two. */
function exactlyOneParent(value: { appUuid?: string; workerUuid?: string }, ctx: z.RefinementCtx) {
  if ((value.appUuid === undefined) === (value.workerUuid === undefined)) {
    ctx.addIssue({ code: 'custom', message: 'give exactly one of an app uuid (--app-uuid) or a worker uuid (--worker-uuid)', path: ['appUuid'] })
  }
}

const parentFields = {
  appUuid: opt(uuid, 'The app (exactly one of this or --worker-uuid)'),
  workerUuid: opt(uuid, 'The worker (exactly one of this or --app-uuid)'),
}

/** The parent of a deployment call, as the CLI's flags give it. */
export const deploymentParent = z.object(parentFields).superRefine(exactlyOneParent)

const deploymentFilters = {
  ...parentFields,
  userUuid: opt(uuid, 'Only deployments created by this user'),
  statuses: opt(z.array(deploymentStatus), 'Only deployments in these statuses'),
  createdAfter: opt(isoDate, 'Only deployments created at or after this instant'),
  createdBefore: opt(isoDate, 'Only deployments created before this instant'),
}

// ---------------------------------------------------------------------------------------------
// Apps and workers: the same calls under two paths

const folderField = (kind: string) => opt(uuid, `Folder (of kind ${kind}) to file it under`)
const listPayload = (kind: string) => z.object({ folderUuid: optNull(uuid, `Only ${kind}s in this folder`) })
const createFields = (kind: string) => ({
  name: req(z.string().min(1), 'Display name'),
  slug: req(z.string().min(1), 'Subdomain slug, unique among the apps and workers of the workspace; it cannot be changed later'),
  description: opt(z.string(), 'What it is for'),
  folderUuid: folderField(kind),
})
const updateFields = (noun: string) => ({
  uuid: req(uuid, `UUID of the ${noun}`),
  name: opt(z.string().min(1), 'New display name'),
  description: optNull(z.string(), 'New description'),
  folderUuid: optNull(uuid, 'Folder to move it to; null moves it back to the top level'),
})

export const listApps = defineEndpoint({
  name: 'hosting.listApps',
  method: 'POST',
  path: '/hosting/apps/list',
  payloadIn: 'body',
  payload: listPayload('app'),
  result: z.looseObject({ apps: z.array(app) }),
  reasons: {},
  idempotent: true,
})

export const getApp = defineEndpoint({
  name: 'hosting.getApp',
  method: 'GET',
  path: '/hosting/apps/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the app') }),
  result: appResult,
  reasons: { appNotFound },
})

export const createApp = defineEndpoint({
  name: 'hosting.createApp',
  method: 'POST',
  path: '/hosting/apps',
  payloadIn: 'body',
  payload: z.object(createFields('app')),
  result: appResult,
  reasons: { duplicateSlug, folderNotFound },
})

export const updateApp = defineEndpoint({
  name: 'hosting.updateApp',
  method: 'PUT',
  path: '/hosting/apps/{uuid}',
  payloadIn: 'body',
  payload: z.object(updateFields('app')),
  result: appResult,
  reasons: { appNotFound, folderNotFound },
})

/** DELETE with an empty JSON object as its body, as the official client sends it. */
export const removeApp = defineEndpoint({
  name: 'hosting.removeApp',
  method: 'DELETE',
  path: '/hosting/apps/{uuid}',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the app to delete, with all its deployments') }),
  result: voidResult,
  reasons: { appNotFound },
})

export const listWorkers = defineEndpoint({
  name: 'hosting.listWorkers',
  method: 'POST',
  path: '/hosting/workers/list',
  payloadIn: 'body',
  payload: listPayload('worker'),
  result: z.looseObject({ workers: z.array(worker) }),
  reasons: {},
  idempotent: true,
})

export const getWorker = defineEndpoint({
  name: 'hosting.getWorker',
  method: 'GET',
  path: '/hosting/workers/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the worker') }),
  result: workerResult,
  reasons: { workerNotFound },
})

export const createWorker = defineEndpoint({
  name: 'hosting.createWorker',
  method: 'POST',
  path: '/hosting/workers',
  payloadIn: 'body',
  payload: z.object({ ...createFields('worker'), triggers: opt(z.array(workerTriggerInput), triggersDescription) }),
  result: workerResult,
  reasons: { duplicateSlug, folderNotFound },
})

export const updateWorker = defineEndpoint({
  name: 'hosting.updateWorker',
  method: 'PUT',
  path: '/hosting/workers/{uuid}',
  payloadIn: 'body',
  payload: z.object({ ...updateFields('worker'), triggers: opt(z.array(workerTriggerInput), `${triggersDescription}; replaces every trigger`) }),
  result: workerResult,
  reasons: { workerNotFound, folderNotFound },
})

export const removeWorker = defineEndpoint({
  name: 'hosting.removeWorker',
  method: 'DELETE',
  path: '/hosting/workers/{uuid}',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the worker to delete, with all its deployments') }),
  result: voidResult,
  reasons: { workerNotFound },
})

// ---------------------------------------------------------------------------------------------
// Deployments

const parentReasons = { appNotFound, workerNotFound }

export const listDeployments = defineEndpoint({
  name: 'hosting.listDeployments',
  method: 'POST',
  path: '/hosting/deployments/list',
  payloadIn: 'body',
  payload: z
    .object({
      ...deploymentFilters,
      limit: opt(z.int().positive(), 'Page size (default 20, at most 1000)'),
      offset: opt(z.int().nonnegative(), 'Deployments to skip'),
    })
    .superRefine(exactlyOneParent),
  result: z.looseObject({ count: z.number(), deployments: z.array(deployment) }),
  reasons: parentReasons,
  idempotent: true,
})

export const countDeployments = defineEndpoint({
  name: 'hosting.countDeployments',
  method: 'POST',
  path: '/hosting/deployments/count',
  payloadIn: 'body',
  payload: z.object(deploymentFilters).superRefine(exactlyOneParent),
  result: z.looseObject({ count: z.number() }),
  reasons: parentReasons,
  idempotent: true,
})

export const getDeployment = defineEndpoint({
  name: 'hosting.getDeployment',
  method: 'GET',
  path: '/hosting/deployments/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the deployment') }),
  result: deploymentResult,
  reasons: { deploymentNotFound },
})

export const getPromotedDeployment = defineEndpoint({
  name: 'hosting.getPromotedDeployment',
  method: 'GET',
  path: '/hosting/deployments/promoted',
  payloadIn: 'query',
  payload: deploymentParent,
  result: deploymentResult,
  reasons: { ...parentReasons, deploymentNotFound: 'Nothing is live yet: no deployment of it has been promoted.' },
})

/** The body the CLI builds from a local directory (`hosting deployment create --source`). */
export const createDeployment = defineEndpoint({
  name: 'hosting.createDeployment',
  method: 'POST',
  path: '/hosting/deployments',
  payloadIn: 'body',
  payload: z
    .object({
      kind: req(hostedKind, 'Whether the source is an app or a worker'),
      ...parentFields,
      files: req(z.array(sourceFile).min(1), 'The source files as [{path, content}], paths relative to the package root'),
    })
    .superRefine((value, ctx) => {
      exactlyOneParent(value, ctx)
      if (value[`${value.kind}Uuid`] === undefined) ctx.addIssue({ code: 'custom', message: `a ${value.kind} deployment names its ${value.kind}`, path: ['kind'] })
    }),
  result: deploymentResult,
  reasons: parentReasons,
})

export const promoteDeployment = defineEndpoint({
  name: 'hosting.promoteDeployment',
  method: 'POST',
  path: '/hosting/deployments/promote',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the deployment to put live (its build must have succeeded)') }),
  result: deploymentResult,
  reasons: { deploymentNotFound, deploymentNotSuccessful: 'Only a deployment whose build succeeded can be promoted; see `hosting deployment get`.' },
})

export const cancelDeployment = defineEndpoint({
  name: 'hosting.cancelDeployment',
  method: 'POST',
  path: '/hosting/deployments/cancel',
  payloadIn: 'body',
  payload: z.object({ uuid: req(uuid, 'UUID of the deployment whose build to stop') }),
  result: deploymentResult,
  reasons: { deploymentNotFound, deploymentAlreadyFinished: 'The build has already finished; there is nothing to cancel.' },
})

export const getBuildLogUrl = defineEndpoint({
  name: 'hosting.getBuildLogUrl',
  method: 'GET',
  path: '/hosting/deployments/{uuid}/build-log-url',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the deployment') }),
  result: z.looseObject({ url: z.string() }),
  reasons: { deploymentNotFound },
})

export const getSourceArchiveUrl = defineEndpoint({
  name: 'hosting.getSourceArchiveUrl',
  method: 'GET',
  path: '/hosting/deployments/{uuid}/source-archive-url',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the deployment') }),
  result: z.looseObject({ url: z.string() }),
  reasons: { deploymentNotFound },
})
