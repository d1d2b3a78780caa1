/**
 * Hosting domain (entities.md, "Entities named by the new command files"): apps and workers the workspace
 * hosts, and their deployments. Entities are loose; `T | null` fields are optional because the client strips nulls.
 */
import { z } from 'zod'
import { entity, jsonObject, timestamp } from './common.js'

export const deploymentStatus = z.enum(['pending', 'building', 'success', 'error', 'cancelled'])
export type DeploymentStatus = z.infer<typeof deploymentStatus>
/** A deployment in one of these no longer changes, except for being promoted. */
export const finishedDeploymentStatuses = ['success', 'error', 'cancelled'] as const satisfies readonly DeploymentStatus[]
/** `--exit-status` turns these into exit 5 */
export const failedDeploymentStatuses = ['error', 'cancelled'] as const satisfies readonly DeploymentStatus[]

export const hostedKind = z.enum(['app', 'worker'])
export type HostedKind = z.infer<typeof hostedKind>

export const triggerMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])

/** A cron trigger as a client sends it (the server adds its schedule id). */
export const workerTriggerInput = z.looseObject({
  type: z.literal('cron'),
  name: z.string().min(1),
  description: z.string().optional(),
  cron: z.string().min(1),
  path: z.string().min(1),
  method: triggerMethod,
  data: jsonObject.optional(),
  headers: z.record(z.string(), z.string()).optional(),
})
export type WorkerTriggerInput = z.infer<typeof workerTriggerInput>

export const workerTrigger = workerTriggerInput.extend({ temporalScheduleWorkflowId: z.string() })
export type WorkerTrigger = z.infer<typeof workerTrigger>

const deploymentBase = {
  uuid: z.string(),
  workspaceUuid: z.string(),
  sourceS3Path: z.string(),
  bundleS3Path: z.string().optional(),
  status: deploymentStatus,
  buildLogS3Filename: z.string().optional(),
  errorMessage: z.string().optional(),
  url: z.string(),
  userUuid: z.string(),
  promotedAt: timestamp.optional(),
  promotedByUserUuid: z.string().optional(),
  finishedAt: timestamp.optional(),
  temporalWorkflowId: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
}

export const appDeployment = entity({ ...deploymentBase, kind: z.literal('app'), appUuid: z.string(), meta: z.looseObject({}) })
export const workerDeployment = entity({
  ...deploymentBase,
  kind: z.literal('worker'),
  workerUuid: z.string(),
  meta: z.looseObject({
    bundleSha256: z.string(),
    outboundAllowlist: z.array(z.string()),
    kind: z.literal('custom-integration').optional(),
  }),
})
export const deployment = z.discriminatedUnion('kind', [appDeployment, workerDeployment])
export type Deployment = z.infer<typeof deployment>

const hostedBase = {
  uuid: z.string(),
  workspaceUuid: z.string(),
  name: z.string(),
  description: z.string().optional(),
  slug: z.string(),
  url: z.string(),
  userUuid: z.string(),
  folderUuid: z.string().optional(),
  chargedUntil: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
}

export const app = entity({ ...hostedBase, promotedDeployment: appDeployment.optional() })
export type App = z.infer<typeof app>

export const worker = entity({ ...hostedBase, promotedDeployment: workerDeployment.optional(), triggers: z.array(workerTrigger) })
export type Worker = z.infer<typeof worker>

/** One file of a deployment's source: its POSIX path under the source root and its text. */
export const sourceFile = z.looseObject({ path: z.string().min(1), content: z.string() })
export type SourceFile = z.infer<typeof sourceFile>
