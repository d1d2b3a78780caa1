import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import type { Action } from '../../../api/schemas/orchestration.js'
import { integrations, integrationAction } from '../../catalog.js'
import { type Ctx, mustGet, on } from '../../kernel/context.js'
import { type ReleaseDoc, type ToolDoc } from './documents.js'
import { publicView } from '../../kernel/doc-fields.js'
import type { Json, JsonObject } from '../../expressions.js'
import { actionGraph } from '../../graphs.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { chooseGraph, deployedRelease, startRun } from './runtime.js'
import { createBatchFor } from './batches.js'

/**
 * `action execute` is an ad-hoc run of start → action → end; the run's output is the action's. The
 * action's config is dropped, as the API does now: inputs come only from the record.
 */
function graphOf(action: Action, data: Json) {
  const { config: _ignored, ...target } = action
  return actionGraph(target as Action, data, { start: randomUUID(), action: randomUUID(), end: randomUUID() })
}

const actionOutput = { outputSlug: 'action' }

/** The output schema of a tool: its end node's variables. */
function toolOutputSchema(ctx: Ctx, action: Action & { kind: 'tool' }): JsonObject {
  const release = action.releaseUuid
    ? mustGet<ReleaseDoc>(ctx, 'release', action.releaseUuid, 'release')
    : action.toolUuid
      ? deployedRelease(ctx, mustGet<ToolDoc>(ctx, 'tool', action.toolUuid, 'tool').workflowUuid)
      : undefined
  if (!release) throw notFound('release')
  const end = release.nodes.find((node) => node.kind === 'native' && node.actionSlug === 'end')
  const variables = ((end?.config as JsonObject | undefined)?.variables ?? []) as Array<{ name: string; type?: string }>
  const propertyOf = (type = 'string'): JsonObject => (type === 'any' ? {} : { type })
  return { type: 'object', properties: Object.fromEntries(variables.map((variable) => [variable.name, propertyOf(variable.type)])) }
}

function outputSchema(ctx: Ctx, action: Action): JsonObject {
  switch (action.kind) {
    case 'connector': {
      if (!integrations.some((integration) => integration.slug === action.integrationSlug)) throw notFound('integration')
      const spec = integrationAction(action.integrationSlug, action.actionSlug)
      if (!spec) throw notFound('action')
      return spec.outputSchema
    }
    case 'tool':
      return toolOutputSchema(ctx, action)
    default:
      throw badRequest('actionHasNoOutput')
  }
}

export const actionHandlers = [
  on(api.executeAction, (ctx, { action, data = {} }) => {
    const choice = chooseGraph(ctx, { nodes: graphOf(action, data) })
    return { run: publicView(startRun(ctx, choice, data, actionOutput)) }
  }),
  on(api.executeActionBatch, (ctx, { action, records }) => {
    const graph = { nodes: graphOf(action, Object.assign({}, ...records)) }
    return { batch: publicView(createBatchFor(ctx, graph, { kind: 'records', records }, actionOutput)) }
  }),
  on(api.getActionOutputSchema, (ctx, { action }) => ({ schema: outputSchema(ctx, action) })),
]
