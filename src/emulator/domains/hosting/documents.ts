import type { App, Deployment, SourceFile, Worker } from '../../../api/schemas/hosting.js'
import type { WithNulls, Without } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored hosting documents: the API's entities with their nulls (WithNulls). */

export type DeploymentDoc = WithNulls<Deployment> & StoredDoc
export type AppDoc = WithNulls<Without<App, 'promotedDeployment'>> & StoredDoc & { promotedDeployment: DeploymentDoc | null }
export type WorkerDoc = WithNulls<Without<Worker, 'promotedDeployment'>> & StoredDoc & { promotedDeployment: DeploymentDoc | null }
export type HostedDoc = AppDoc | WorkerDoc

/**
 * What a deployment was built from and how its build ends, kept beside it (kind `hostingSource`, same uuid):
 * the outcome is decided when the source arrives, and shown once the simulated build has run.
 */
export interface HostingSourceDoc extends StoredDoc {
  workspaceUuid: string
  files: SourceFile[]
  outcome: { status: 'success' | 'error'; errorMessage: string | null }
  log: string[]
}

export const KINDS = { app: 'hostingApp', worker: 'hostingWorker', deployment: 'hostingDeployment', source: 'hostingSource' } as const
