import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import type { Node } from '../../../api/schemas/orchestration.js'
import { type Ctx, live, mustGet, on, save } from '../../kernel/context.js'
import { type BatchDoc, type ReleaseDoc, type WorkflowDoc } from './documents.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { nativeNode } from '../../graphs.js'
import { deployedRelease } from './runtime.js'
import { iso } from '../../kernel/timing.js'

/** Workflows (owned by a play or a tool), their drafts, and the template catalogue. */

/** A new graph: start → end. */
export function emptyGraph(): Node[] {
  const end = randomUUID()
  return [nativeNode('start', { uuid: randomUUID(), slug: 'start', childrenUuids: [end] }), nativeNode('end', { uuid: end, slug: 'end', config: { variables: [] } })]
}

export function newRelease(ctx: Ctx, workflowUuid: string, fields: Partial<ReleaseDoc> = {}): ReleaseDoc {
  return {
    uuid: randomUUID(),
    parentUuid: null,
    workspaceUuid: ctx.workspaceUuid,
    userUuid: ctx.userUuid,
    workflowUuid,
    description: null,
    version: null,
    status: 'draft',
    templateSlug: null,
    nodes: emptyGraph(),
    formFields: null,
    testRecords: [],
    deployedAt: null,
    deletedAt: null,
    ...stamps(ctx),
    ...fields,
  }
}

/** The workflow behind a new play or tool, with an empty draft. */
export function createWorkflow(ctx: Ctx, owner: { playUuid?: string; toolUuid?: string }, folderUuid: string | null): WorkflowDoc {
  const workflow: WorkflowDoc = {
    uuid: randomUUID(),
    workspaceUuid: ctx.workspaceUuid,
    playUuid: owner.playUuid ?? null,
    toolUuid: owner.toolUuid ?? null,
    folderUuid,
    template: null,
    deletedAt: null,
    ...stamps(ctx),
  }
  save(ctx, 'workflow', workflow)
  save(ctx, 'release', newRelease(ctx, workflow.uuid, { formFields: owner.toolUuid ? [] : null }))
  return workflow
}

export function updateWorkflow(ctx: Ctx, workflowUuid: string, changes: Partial<WorkflowDoc>): void {
  const workflow = ctx.store.get<WorkflowDoc>('workflow', workflowUuid)
  if (workflow) save(ctx, 'workflow', { ...workflow, ...changes, updatedAt: iso(ctx.now) })
}

/** What a play or tool update changes on its workflow: the folder, and its publication as a template. */
export function workflowChanges(
  workflowUuid: string,
  update: { folderUuid?: string | null; template?: { isAvailable: boolean; scope: string } },
): Partial<WorkflowDoc> {
  const { folderUuid, template } = update
  return {
    ...(folderUuid !== undefined ? { folderUuid } : {}),
    ...(template ? { template: { slug: `workflow-${workflowUuid.slice(0, 8)}`, isAvailable: template.isAvailable, scope: template.scope } } : {}),
  }
}

function summaryNode(node: Node): JsonObject {
  const { config, childrenUuids: _children, fallbackOnFailure: _fallback, fallbackChildUuid: _child, position: _position, retry: _retry, ...identity } = node
  const subNodes = Array.isArray((config as JsonObject)._nodes) ? ((config as JsonObject)._nodes as unknown as Node[]) : []
  return { ...(identity as JsonObject), isArchived: false, nodes: subNodes.map(summaryNode) }
}

function lastBatchOf(ctx: Ctx, workflowUuid: string): JsonObject | null {
  const batch = ctx.store.find<BatchDoc>('batch', ctx.workspaceUuid, { workflowUuid }).at(-1)
  if (!batch) return null
  const { uuid, status, runsStatus, errorMessage, createdAt, finishedAt } = batch
  return { uuid, status, runsStatus, errorMessage, createdAt, finishedAt }
}

export function draftOf(ctx: Ctx, workflowUuid: string): ReleaseDoc {
  const draft = live<ReleaseDoc>(ctx, 'release', { workflowUuid, status: 'draft' }).at(-1)
  if (draft) return draft
  const deployed = deployedRelease(ctx, workflowUuid)
  const created = newRelease(ctx, workflowUuid, deployed ? { nodes: deployed.nodes, formFields: deployed.formFields, parentUuid: deployed.uuid } : {})
  save(ctx, 'release', created)
  return created
}

/** The wire Workflow: its node summary, deployed release and last batch are read from the other entities. */
export function workflowView(ctx: Ctx, workflow: WorkflowDoc): JsonObject {
  const deployed = deployedRelease(ctx, workflow.uuid)
  const nodes = deployed?.nodes ?? live<ReleaseDoc>(ctx, 'release', { workflowUuid: workflow.uuid, status: 'draft' }).at(-1)?.nodes ?? []
  return {
    ...(publicView(workflow) as unknown as JsonObject),
    nodes: nodes.map(summaryNode),
    lastBatch: lastBatchOf(ctx, workflow.uuid),
    deployedRelease: deployed
      ? {
          uuid: deployed.uuid,
          userUuid: deployed.userUuid,
          description: deployed.description,
          version: deployed.version,
          nodes: deployed.nodes as unknown as JsonObject[],
          formFields: deployed.formFields,
          templateSlug: deployed.templateSlug,
          deployedAt: deployed.deployedAt,
          createdAt: deployed.createdAt,
        }
      : null,
  }
}

/**
 * Templates are stored under their slug; the wire shape has no uuid, and its nodes name no connector
 * (a workspace picks its own when it uses the template), even in a database seeded before that was so.
 */
function templateView(template: TemplateDoc): JsonObject {
  const { uuid: _uuid, nodes, ...rest } = publicView(template)
  return { ...rest, nodes: (nodes as JsonObject[]).map(({ connectorUuid: _connector, ...node }) => node) }
}

interface TemplateDoc extends JsonObject {
  uuid: string
  kind: string
  isPreset: boolean
  _hasDocumentation: boolean
}

export const workflowHandlers = [
  on(api.listWorkflows, (ctx) => ({
    workflows: live<WorkflowDoc>(ctx, 'workflow')
      .filter((workflow) => !workflow._adHoc)
      .map((workflow) => workflowView(ctx, workflow)),
  })),
  on(api.listTemplates, (ctx, { kinds, isPreset, hasDocumentation }) => ({
    templates: ctx.store
      .find<TemplateDoc>('template')
      .filter((template) => (kinds ?? [template.kind]).includes(template.kind as never))
      .filter((template) => isPreset === undefined || template.isPreset === isPreset)
      .filter((template) => hasDocumentation === undefined || template._hasDocumentation === hasDocumentation)
      .map(templateView),
  })),
  on(api.getTemplate, (ctx, { slug }) => ({ template: templateView(mustGet<TemplateDoc>(ctx, 'template', slug, 'template')) })),
]
