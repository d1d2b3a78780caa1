import * as api from '../../../api/endpoints/orchestration.js'
import type { Node } from '../../../api/schemas/orchestration.js'
import { integrationAction, isNativeAction, nativeActions } from '../../catalog.js'
import { type Ctx, lookup, mustGet, on } from '../../kernel/context.js'
import type { ReleaseDoc, ToolDoc, WorkflowDoc } from './documents.js'
import { computeConfig, executeNode, isStartNode } from '../../engine.js'
import { ExpressionScope, type Json, type JsonObject } from '../../expressions.js'
import { ApiFailure } from '../../kernel/http.js'
import { chooseGraph, engineEnv, startRun } from './runtime.js'

/** Node validation (reasons of entities.md §1.2), compute and execute. */

export interface InvalidNode {
  node: { uuid: string; slug: string }
  reason: string
  invalidNodes?: InvalidNode[]
}

const slugPattern = /^[A-Za-z0-9_]+$/

function childrenCount(node: Node): number {
  if (node.kind === 'native' && isNativeAction(node.actionSlug)) return nativeActions[node.actionSlug].childrenCount(node.config as JsonObject)
  return 1
}

function slugProblem(node: Node, duplicates: Set<string>): boolean {
  if (!slugPattern.test(node.slug) || duplicates.has(node.slug)) return true
  if (node.slug === 'start') return !isStartNode(node)
  return node.slug === 'end' && !(node.kind === 'native' && node.actionSlug === 'end')
}

/** The reason a node's own target is unusable, if it is. */
function targetProblem(ctx: Ctx, node: Node): string | undefined {
  switch (node.kind) {
    case 'native':
      return isNativeAction(node.actionSlug) ? undefined : 'nativeInvalid'
    case 'connector': {
      const known = integrationAction(node.integrationSlug, node.actionSlug)
      const connectorMissing = node.connectorUuid !== undefined && !lookup(ctx, 'connector', node.connectorUuid)
      return !known || connectorMissing ? 'connectorNotFound' : undefined
    }
    case 'tool': {
      const [kind, key] = node.toolUuid ? (['tool', node.toolUuid] as const) : node.releaseUuid ? (['release', node.releaseUuid] as const) : (['template', node.templateSlug ?? ''] as const)
      return lookup(ctx, kind, key) ? undefined : 'toolInvalid'
    }
    case 'agent':
      return undefined
  }
}

function nodeProblem(ctx: Ctx, node: Node, uuids: Set<string>, duplicates: Set<string>): InvalidNode | undefined {
  const ref = { uuid: node.uuid, slug: node.slug }
  const simple = (reason: string | undefined) => (reason ? { node: ref, reason } : undefined)
  if (slugProblem(node, duplicates)) return simple('slugInvalid')
  const target = targetProblem(ctx, node)
  if (target) return simple(target)
  const links = [...node.childrenUuids, node.fallbackChildUuid ?? null].filter((uuid): uuid is string => uuid !== null)
  if (links.some((uuid) => !uuids.has(uuid))) return simple('nodesNotFound')
  if (node.childrenUuids.length !== childrenCount(node)) return simple('childrenUuidsInvalid')
  const subNodes = node.kind === 'native' && node.actionSlug === 'group' ? (node.config as JsonObject)._nodes : undefined
  const nested = Array.isArray(subNodes) ? validateGraph(ctx, subNodes as unknown as Node[]) : []
  return nested.length > 0 ? { node: ref, reason: 'subNodesInvalid', invalidNodes: nested } : undefined
}

export function validateGraph(ctx: Ctx, nodes: readonly Node[]): InvalidNode[] {
  const seen = new Set<string>()
  const duplicates = new Set(nodes.map((node) => node.slug).filter((slug) => seen.has(slug) || !seen.add(slug)))
  const uuids = new Set(nodes.map((node) => node.uuid))
  const starts = nodes.filter(isStartNode)
  const problems = nodes.map((node) => nodeProblem(ctx, node, uuids, duplicates)).filter((problem): problem is InvalidNode => !!problem)
  if (starts.length === 1) return problems
  const culprit = starts[1] ?? { uuid: '', slug: 'start' }
  return [{ node: { uuid: culprit.uuid, slug: culprit.slug }, reason: 'startNodeNotFound' }, ...problems]
}

/** `context` is `{nodes: {<slug>: …}}`; a bare map of slugs is accepted too. */
function scopeOf(context: JsonObject, groupContext: JsonObject | undefined): ExpressionScope {
  const nodesOf = (value: JsonObject | undefined) =>
    (value?.nodes && typeof value.nodes === 'object' && !Array.isArray(value.nodes) ? value.nodes : value) as Record<string, Json> | undefined
  return new ExpressionScope({ nodes: nodesOf(context) ?? {}, parentNodes: nodesOf(groupContext ?? (context.parentNodes as JsonObject | undefined)) })
}

function computeOrFail(node: Node, scope: ExpressionScope): JsonObject {
  try {
    return computeConfig(node, scope)
  } catch (error) {
    throw new ApiFailure(400, { errorMessage: `The config could not be computed: ${(error as Error).message}` })
  }
}

/** A tool node starts a run of its tool; other nodes answer at once. */
function runToolNode(ctx: Ctx, node: Node & { kind: 'tool' }, config: JsonObject) {
  const workflowUuid = node.releaseUuid
    ? lookup<ReleaseDoc>(ctx, 'release', node.releaseUuid)?.workflowUuid
    : lookup<ToolDoc>(ctx, 'tool', node.toolUuid ?? '')?.workflowUuid
  if (!workflowUuid) return { status: 'error', message: 'The tool was not found', creditsUsedCount: 0 }
  const run = startRun(ctx, chooseGraph(ctx, { workflowUuid, releaseUuid: node.releaseUuid }), config)
  return { status: 'pending', message: `The tool is running (run ${run.uuid})`, runUuid: run.uuid }
}

export const nodeHandlers = [
  on(api.validateNodes, (ctx, { nodes }) => {
    const invalidNodes = validateGraph(ctx, nodes)
    return invalidNodes.length === 0 ? { outcome: 'valid' } : { outcome: 'notValid', invalidNodes }
  }),
  on(api.computeNode, (_ctx, { node, context, groupContext }) => ({
    computedConfig: computeOrFail(node, scopeOf(context as JsonObject, groupContext as JsonObject | undefined)),
  })),
  on(api.executeNode, (ctx, payload) => {
    mustGet<WorkflowDoc>(ctx, 'workflow', payload.workflowUuid, 'workflow')
    mustGet<ReleaseDoc>(ctx, 'release', payload.releaseUuid, 'release')
    const scope = scopeOf(payload.context as JsonObject, payload.groupContext as JsonObject | undefined)
    const config = payload.computedConfig as JsonObject
    if (payload.node.kind === 'tool') return runToolNode(ctx, payload.node, config)
    const outcome = executeNode({ node: payload.node, config, scope, env: engineEnv(ctx), depth: 0, seed: payload.node.uuid })
    return outcome.ok
      ? { status: 'success', data: outcome.output, creditsUsedCount: outcome.credits, childIndex: outcome.childIndex }
      : { status: 'error', message: outcome.errorMessage, creditsUsedCount: outcome.credits }
  }),
]
