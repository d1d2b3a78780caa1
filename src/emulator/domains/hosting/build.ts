import { createHash } from 'node:crypto'
import { finishedDeploymentStatuses, type HostedKind, type SourceFile } from '../../../api/schemas/hosting.js'
import type { Timing } from '../../kernel/timing.js'
import { iso } from '../../kernel/timing.js'
import type { DeploymentDoc, HostingSourceDoc } from './documents.js'

/**
 * The emulated build: its outcome follows from the source (what the docs say the server looks for), its
 * statuses from simulated time: pending for the runs' pending time, building for three node times, then done.
 */

const WORKER_ENTRIES = ['src/index.ts', 'src/index.js', 'index.ts', 'index.js']

export function planBuild(kind: HostedKind, files: readonly SourceFile[]): Pick<HostingSourceDoc, 'outcome' | 'log'> {
  const byPath = new Map(files.map((file) => [file.path, file.content]))
  const failed = (errorMessage: string, log: string[]) => ({ outcome: { status: 'error' as const, errorMessage }, log: [...log, `error: ${errorMessage}`] })
  const done = (log: string[]) => ({ outcome: { status: 'success' as const, errorMessage: null }, log: [...log, 'Build succeeded'] })
  const received = `Received ${files.length} file${files.length === 1 ? '' : 's'}`
  if (kind === 'worker') {
    const entry = WORKER_ENTRIES.find((path) => byPath.has(path))
    if (!entry) return failed(`No entry file: expected one of ${WORKER_ENTRIES.join(', ')}`, [received])
    return done([received, `Bundling ${entry}`])
  }
  const manifest = byPath.get('package.json')
  if (manifest === undefined) return failed('No package.json at the source root: apps are built with npm ci and their build script', [received])
  let scripts: Record<string, unknown> = {}
  try {
    scripts = (JSON.parse(manifest) as { scripts?: Record<string, unknown> }).scripts ?? {}
  } catch {
    return failed('package.json is not valid JSON', [received])
  }
  const log = [received, 'npm ci --ignore-scripts']
  if (typeof scripts.build === 'string') return done([...log, `npm run build (${scripts.build})`])
  if (byPath.has('index.html')) return done([...log, 'No build script: serving the static files'])
  return failed('Nothing to build: package.json has no build script and there is no index.html', log)
}

export function bundleSha256(files: readonly SourceFile[]): string {
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file.path}\0${file.content}\0`)
  return hash.digest('hex')
}

const FINISHED = new Set<string>(finishedDeploymentStatuses)
export const isFinished = (status: string) => FINISHED.has(status)

/** The deployment as it looks at `now`; the same object when nothing changed. */
export function materializeDeployment(deployment: DeploymentDoc, source: HostingSourceDoc | undefined, now: number, timing: Timing): DeploymentDoc {
  if (isFinished(deployment.status)) return deployment
  const buildStart = Date.parse(deployment.createdAt) + timing.pendingMs
  const buildEnd = buildStart + 3 * timing.nodeMs
  if (now < buildStart) return deployment
  if (now < buildEnd) return deployment.status === 'building' ? deployment : { ...deployment, status: 'building', updatedAt: iso(buildStart) }
  const outcome = source?.outcome ?? { status: 'error' as const, errorMessage: 'The source of this deployment is missing' }
  return {
    ...deployment,
    status: outcome.status,
    errorMessage: outcome.errorMessage,
    bundleS3Path: outcome.status === 'success' ? deployment.sourceS3Path.replace(/source\.json$/, 'bundle.js') : null,
    buildLogS3Filename: `${deployment.uuid}.log`,
    finishedAt: iso(buildEnd),
    updatedAt: iso(buildEnd),
  }
}

/** The live host of an app or worker: `<slug>-<first 8 characters of the workspace uuid>` under the kind's root. */
export function hostedUrl(kind: HostedKind, slug: string, workspaceUuid: string, deploymentUuid?: string): string {
  const suffix = deploymentUuid ? `--${deploymentUuid.slice(0, 8)}` : ''
  return `https://${slug}-${workspaceUuid.slice(0, 8)}${suffix}.${kind}s.cargo-emulator.localhost`
}

/** A new deployment of `parent` (pending) and its source, with the build's outcome already decided. */
export function newDeployment(
  parent: { kind: HostedKind; uuid: string; slug: string; workspaceUuid: string },
  fields: { uuid: string; userUuid: string; createdAt: string; files: SourceFile[] },
): { deployment: DeploymentDoc; source: HostingSourceDoc } {
  const { uuid, userUuid, createdAt, files } = fields
  const common = {
    uuid,
    workspaceUuid: parent.workspaceUuid,
    sourceS3Path: `hosting/${parent.workspaceUuid}/${parent.kind}s/${parent.uuid}/${uuid}/source.json`,
    bundleS3Path: null,
    status: 'pending' as const,
    buildLogS3Filename: null,
    errorMessage: null,
    url: hostedUrl(parent.kind, parent.slug, parent.workspaceUuid, uuid),
    userUuid,
    promotedAt: null,
    promotedByUserUuid: null,
    finishedAt: null,
    temporalWorkflowId: `hosting-build-${uuid}`,
    createdAt,
    updatedAt: createdAt,
  }
  const deployment: DeploymentDoc =
    parent.kind === 'app'
      ? { ...common, kind: 'app', appUuid: parent.uuid, meta: {} }
      : { ...common, kind: 'worker', workerUuid: parent.uuid, meta: { bundleSha256: bundleSha256(files), outboundAllowlist: [] } }
  return { deployment, source: { uuid, workspaceUuid: parent.workspaceUuid, files, ...planBuild(parent.kind, files) } }
}
