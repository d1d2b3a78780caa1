import * as api from '../../../api/endpoints/orchestration.js'
import type { Node } from '../../../api/schemas/orchestration.js'
import { type Ctx, live, mustGet, on, save } from '../../kernel/context.js'
import { type ReleaseDoc, type WorkflowDoc } from './documents.js'
import { publicView, sent } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { deployedRelease } from './runtime.js'
import { newestFirst, page, select } from '../../kernel/selection.js'
import { releasePredicates } from './predicates.js'
import { iso } from '../../kernel/timing.js'
import { validateGraph } from './nodes.js'
import { draftOf, newRelease } from './workflows.js'

/** Releases: one draft per workflow, deployed versions 1.0.0, 1.0.1, … unless the caller names one. */

const semver = /^(\d+)\.(\d+)\.(\d+)$/

function nextVersion(releases: readonly ReleaseDoc[]): string {
  const versions = releases.map((release) => semver.exec(release.version ?? '')).filter((match): match is RegExpExecArray => !!match)
  if (versions.length === 0) return '1.0.0'
  const [major, minor, patch] = versions.map((match) => match.slice(1).map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]).at(-1) as number[]
  return `${major}.${minor}.${patch + 1}`
}

function chooseVersion(releases: readonly ReleaseDoc[], requested: string | undefined): string {
  if (requested === undefined) return nextVersion(releases)
  if (!requested.trim() || releases.some((release) => release.version === requested)) throw badRequest('invalidReleaseVersion')
  return requested
}

/** `options.connectorUuidsByIntegrationSlug` points every connector node of an integration at a connector. */
function remapConnectors(nodes: Node[], options: { connectorUuidsByIntegrationSlug?: Record<string, string> } | undefined): Node[] {
  const bySlug = options?.connectorUuidsByIntegrationSlug ?? {}
  return nodes.map((node) => (node.kind === 'connector' && bySlug[node.integrationSlug] ? { ...node, connectorUuid: bySlug[node.integrationSlug] } : node))
}

function rejectInvalidGraph(ctx: Ctx, nodes: readonly Node[]): void {
  const invalid = validateGraph(ctx, nodes)
  if (invalid.length === 0) return
  const details = invalid.map((entry) => `${entry.node.slug || '(graph)'}: ${entry.reason}`).join(', ')
  throw badRequest('draftReleaseNodesAreInvalid', `The node graph is not valid (${details})`, { invalidNodes: invalid })
}

function workflowOf(ctx: Ctx, workflowUuid: string): WorkflowDoc {
  return mustGet<WorkflowDoc>(ctx, 'workflow', workflowUuid, 'workflow')
}

const view = (release: ReleaseDoc) => ({ release: publicView(release) })

export const releaseHandlers = [
  on(api.getRelease, (ctx, { uuid }) => view(mustGet<ReleaseDoc>(ctx, 'release', uuid, 'release'))),
  on(api.listReleases, (ctx, payload) => {
    const releases = select(newestFirst(live<ReleaseDoc>(ctx, 'release')), payload, releasePredicates)
    return { releases: page(releases, payload).map(publicView) }
  }),
  on(api.getDeployedRelease, (ctx, { workflowUuid }) => {
    const release = deployedRelease(ctx, workflowUuid)
    if (!release) throw notFound('release')
    return view(release)
  }),
  on(api.getDraftRelease, (ctx, { workflowUuid }) => view(draftOf(ctx, workflowOf(ctx, workflowUuid).uuid))),
  on(api.updateDraftRelease, (ctx, payload) => {
    const draft = draftOf(ctx, workflowOf(ctx, payload.workflowUuid).uuid)
    if (payload.parentUuid !== undefined && ctx.store.get<ReleaseDoc>('release', payload.parentUuid)?.workflowUuid !== draft.workflowUuid) {
      throw badRequest('invalidParent')
    }
    const nodes = payload.nodes ? { nodes: remapConnectors(payload.nodes, payload.options) } : {}
    const updated = { ...draft, ...sent(payload, ['parentUuid', 'testRecords', 'formFields']), ...nodes, updatedAt: iso(ctx.now) } as ReleaseDoc
    save(ctx, 'release', updated)
    return view(updated)
  }),
  on(api.deployDraftRelease, (ctx, payload) => {
    const workflow = workflowOf(ctx, payload.workflowUuid)
    const nodes = remapConnectors(payload.nodes, payload.options)
    rejectInvalidGraph(ctx, nodes)
    const releases = live<ReleaseDoc>(ctx, 'release', { workflowUuid: workflow.uuid })
    const version = chooseVersion(releases, payload.version)
    for (const previous of releases.filter((release) => release.status === 'deployed')) save(ctx, 'release', { ...previous, status: 'archived', updatedAt: iso(ctx.now) })
    const deployed: ReleaseDoc = {
      ...draftOf(ctx, workflow.uuid),
      nodes,
      // a tool's form may be deployed as null (the docs do so); it is stored as no fields
      formFields: (payload.formFields as JsonObject[] | null) ?? (workflow.toolUuid ? [] : null),
      description: payload.description ?? null,
      version,
      status: 'deployed',
      deployedAt: iso(ctx.now),
      updatedAt: iso(ctx.now),
    }
    save(ctx, 'release', deployed)
    save(ctx, 'release', newRelease(ctx, workflow.uuid, { nodes, formFields: deployed.formFields, parentUuid: deployed.uuid }))
    return view(deployed)
  }),
]
