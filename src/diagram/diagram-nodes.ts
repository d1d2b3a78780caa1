/**
 * The node fields a diagram reads. Looser than the API's node schema on purpose: a diagram is how one
 * finds what is wrong with a graph, so it must draw graphs the API would refuse (unknown kinds, missing
 * config, nulls in childrenUuids, children that point nowhere). Only what cannot be drawn at all is refused.
 */
import { z } from 'zod'
import { stripNulls } from '../api/null-stripping.js'

export interface DiagramNode {
  uuid: string
  slug?: string
  name?: string
  kind?: string
  actionSlug?: string
  integrationSlug?: string
  toolUuid?: string
  agentUuid?: string
  templateSlug?: string
  childrenUuids?: Array<string | null>
  fallbackOnFailure?: boolean
  fallbackChildUuid?: string
  config?: {
    routes?: Array<{ name?: string; [key: string]: unknown }>
    percentage?: number
    _nodes?: DiagramNode[]
    [key: string]: unknown
  }
  [key: string]: unknown
}

const optionalText = z.string().optional()

export const diagramNode: z.ZodType<DiagramNode, DiagramNode> = z.looseObject({
  uuid: z.string().min(1, 'a node needs a uuid (nodes are keyed by uuid, never by slug)'),
  slug: optionalText,
  name: optionalText,
  kind: optionalText,
  actionSlug: optionalText,
  integrationSlug: optionalText,
  toolUuid: optionalText,
  agentUuid: optionalText,
  templateSlug: optionalText,
  childrenUuids: z.array(z.string().nullable()).optional(),
  fallbackOnFailure: z.boolean().optional(),
  fallbackChildUuid: optionalText,
  config: z
    .looseObject({
      routes: z.array(z.looseObject({ name: optionalText })).optional(),
      percentage: z.number().optional(),
      _nodes: z.array(z.lazy(() => diagramNode)).optional(),
    })
    .optional(),
})

export const diagramNodes = z.array(diagramNode)

export type NodesReading = { ok: true; nodes: DiagramNode[] } | { ok: false; problems: string[] }

/**
 * A node array, or what the release and run commands print around one (`{nodes}`, `{release: {nodes}}`,
 * `{run: {nodes}}`), so that their output can be piped in as it is.
 */
export function readDiagramNodes(value: unknown): NodesReading {
  // null fields read as absent, as the client reads API answers (a raw answer may be piped in); null array items stay
  const array = unwrapNodes(stripNulls(value))
  if (array === undefined) return { ok: false, problems: ['expected a JSON array of nodes (or an object with a nodes array)'] }
  const check = diagramNodes.safeParse(array)
  if (check.success) return { ok: true, nodes: check.data }
  const problems = check.error.issues.slice(0, 5).map((issue) => `${issuePath(issue.path)}: ${issue.message}`)
  if (check.error.issues.length > 5) problems.push(`and ${check.error.issues.length - 5} more`)
  return { ok: false, problems }
}

function unwrapNodes(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value
  if (!value || typeof value !== 'object') return undefined
  const record = value as Record<string, unknown>
  if (Array.isArray(record.nodes)) return record.nodes
  for (const key of ['release', 'run']) {
    const inner = record[key] as Record<string, unknown> | undefined
    if (inner && typeof inner === 'object' && Array.isArray(inner.nodes)) return inner.nodes
  }
  return undefined
}

function issuePath(path: PropertyKey[]): string {
  return `nodes${path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}`
}

/** The integration slugs of the connector nodes, sub-graphs included (to look their names up). */
export function connectorIntegrations(nodes: DiagramNode[]): string[] {
  const slugs = new Set<string>()
  const pending = [...nodes]
  while (pending.length > 0) {
    const node = pending.pop()!
    if (node.kind === 'connector' && node.integrationSlug) slugs.add(node.integrationSlug)
    pending.push(...(node.config?._nodes ?? []))
  }
  return [...slugs].sort()
}
