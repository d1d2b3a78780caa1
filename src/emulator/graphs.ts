import type { Action, Node } from '../api/schemas/orchestration.js'
import { type Json, type JsonObject, templateExpression } from './expressions.js'

/** Builders for the node graphs of the seed and of ad-hoc action runs. */

interface GraphFields {
  uuid: string
  slug: string
  config?: JsonObject
  childrenUuids?: Array<string | null>
  name?: string
}

function base({ uuid, slug, config = {}, childrenUuids = [], name }: GraphFields) {
  return { uuid, slug, ...(name ? { name } : {}), config, childrenUuids, fallbackOnFailure: false, position: { x: 0, y: 0 } }
}

export function nativeNode(actionSlug: string, fields: GraphFields): Node {
  return { ...base(fields), kind: 'native', actionSlug } as Node
}

export function connectorNode(integrationSlug: string, actionSlug: string, fields: GraphFields & { connectorUuid?: string }): Node {
  const { connectorUuid, ...rest } = fields
  return { ...base(rest), kind: 'connector', integrationSlug, actionSlug, ...(connectorUuid ? { connectorUuid } : {}) } as Node
}

export function variable(name: string, type: string, expression: string): JsonObject {
  return { name, type, value: templateExpression(expression) }
}

export function expression(text: string): JsonObject {
  return templateExpression(text)
}

/**
 * `action execute` runs one action as a graph start → action → end. Config fields the caller left out
 * are read from the input record, so that `{"config": {}}` with `--data '{"domain": …}'` enriches that domain.
 */
export function actionGraph(action: Action, data: Json, uuids: { start: string; action: string; end: string }): Node[] {
  const record = data && typeof data === 'object' && !Array.isArray(data) ? data : {}
  const fromRecord = Object.fromEntries(
    Object.keys(record)
      .filter((key) => key !== '_id')
      .map((key) => [key, expression(`{{nodes.start[${JSON.stringify(key)}]}}`)]),
  )
  const { config, ...target } = action
  const fields = { uuid: uuids.action, slug: 'action', config: { ...fromRecord, ...(config as JsonObject) }, childrenUuids: [uuids.end] }
  const actionNode = { ...base(fields), ...target } as Node
  return [
    nativeNode('start', { uuid: uuids.start, slug: 'start', childrenUuids: [uuids.action] }),
    actionNode,
    nativeNode('end', { uuid: uuids.end, slug: 'end', config: { variables: [] } }),
  ]
}
