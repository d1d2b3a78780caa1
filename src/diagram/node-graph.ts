/**
 * A node array read as a graph: every node keyed by uuid (slugs repeat), its outgoing edges labelled by
 * what its action does with each child index, and every structural finding (unconnected outputs, children
 * that point at no node, nodes that never run) written as a warning. Both drawings render this model.
 */
import type { DiagramNode } from './diagram-nodes.js'
import { plainText } from './label-text.js'

export type Shape = 'terminal' | 'decision' | 'connector' | 'tool' | 'agent' | 'script' | 'group' | 'step'

export interface GraphNode {
  /** `n<k>`, in declaration order (a group's sub-graph right after the group) */
  id: string
  uuid: string
  /** plain text */
  slug: string
  scope: Scope
  shape: Shape
  /** plain text: the node's name, else its slug (tool and agent nodes: their target) */
  label: string
  /** plain text: what the node does (`integration.action`, the native action), when it says more than the label */
  detail?: string
  paid: boolean
  highlighted: boolean
  /** a failure here goes on to the node's own next step */
  continuesOnFailure: boolean
  /** set only when reachability could be checked (the scope has a start) and the node is not reached */
  unreachable: boolean
  /** a group's sub-graph (`config._nodes`) */
  body?: Scope
  edges: Edge[]
}

export interface Scope {
  /** `g<k>` for the sub-graph of node `n<k>`; `root` for the top level */
  id: string
  owner?: GraphNode
  nodes: GraphNode[]
  start?: GraphNode
}

export interface MissingNode {
  /** `m<k>` */
  id: string
  uuid: string
}

export type EdgeTarget = { kind: 'node'; node: GraphNode } | { kind: 'missing'; missing: MissingNode } | { kind: 'unconnected' }

export interface Edge {
  target: EdgeTarget
  /** plain text */
  label?: string
  /** dashed: the fallback taken on failure */
  style: 'solid' | 'dashed'
}

export interface NodeGraph {
  root: Scope
  /** every node, in declaration order */
  nodes: GraphNode[]
  missing: MissingNode[]
  warnings: string[]
}

export interface GraphOptions {
  /** slugs or uuids of nodes that bill credits */
  paid?: string[]
  /** slugs or uuids of nodes to mark */
  highlight?: string[]
  /** integration slug → its name and its actions' names: connector nodes then read "Clearbit / Enrich company" */
  integrations?: IntegrationNames
}

export type IntegrationNames = Record<string, { name: string; actions: Record<string, string> }>

const decisionActions = new Set(['branch', 'filter', 'switch', 'split'])
const scriptActions = new Set(['python', 'script'])

export function buildGraph(input: DiagramNode[], options: GraphOptions = {}): NodeGraph {
  const warnings: string[] = []
  const nodes: GraphNode[] = []
  const missing: MissingNode[] = []
  const paid = new Marks(options.paid)
  const highlight = new Marks(options.highlight)
  const sources = new Map<GraphNode, DiagramNode>()

  const collect = (list: DiagramNode[], scope: Scope): void => {
    for (const source of list) {
      const node = createNode(source, scope, `n${nodes.length}`, options.integrations ?? {})
      node.paid = paid.matches(node)
      node.highlighted = highlight.matches(node)
      nodes.push(node)
      scope.nodes.push(node)
      sources.set(node, source)
      if (node.shape === 'group') {
        const body: Scope = { id: `g${node.id.slice(1)}`, owner: node, nodes: [] }
        node.body = body
        collect(source.config?._nodes ?? [], body)
      }
    }
  }
  const root: Scope = { id: 'root', nodes: [] }
  collect(input, root)

  const scopes = scopesOf(root)
  // every scope's start first: a group's edge into its sub-graph needs it
  for (const scope of scopes) {
    const starts = scope.nodes.filter((node) => isStart(sources.get(node)!))
    scope.start = starts[0]
    if (starts.length > 1) warnings.push(`${where(scope)} has ${starts.length} start nodes; reachability is counted from the first`)
  }
  for (const scope of scopes) {
    const byUuid = new Map<string, GraphNode>()
    for (const node of scope.nodes) {
      if (byUuid.has(node.uuid)) warnings.push(`${describe(node)} has the same uuid as an earlier node; edges to it go to the first one`)
      else byUuid.set(node.uuid, node)
    }

    const missingByUuid = new Map<string, MissingNode>()
    const resolve = (uuid: string): EdgeTarget => {
      const found = byUuid.get(uuid)
      if (found) return { kind: 'node', node: found }
      let entry = missingByUuid.get(uuid)
      if (!entry) {
        entry = { id: `m${missing.length}`, uuid }
        missingByUuid.set(uuid, entry)
        missing.push(entry)
      }
      return { kind: 'missing', missing: entry }
    }

    for (const node of scope.nodes) {
      const source = sources.get(node)!
      if (node.body) {
        if (node.body.nodes.length === 0) warnings.push(`${describe(node)} is a group with no sub-graph (config._nodes is empty or missing)`)
        else if (node.body.start) node.edges.push({ target: { kind: 'node', node: node.body.start }, label: 'for each item', style: 'solid' })
      }
      const children = source.childrenUuids ?? []
      children.forEach((child, index) => {
        const label = edgeLabel(source, index, children.length)
        const named = label && label !== `output ${index}` ? `output ${index} ("${label}")` : `output ${index}`
        if (child === null) {
          warnings.push(`${describe(node)}: ${named} is not connected (null in childrenUuids)`)
          node.edges.push({ target: { kind: 'unconnected' }, label, style: 'solid' })
          return
        }
        const target = resolve(child)
        if (target.kind === 'missing') warnings.push(`${describe(node)}: ${named} points to ${plainText(child)}, which is no node of ${where(scope)}`)
        node.edges.push({ target, label, style: 'solid' })
      })
      const fallback = source.fallbackChildUuid
      if (fallback && children.includes(fallback)) node.continuesOnFailure = true
      else if (fallback) {
        const target = resolve(fallback)
        if (target.kind === 'missing') warnings.push(`${describe(node)}: fallbackChildUuid points to ${plainText(fallback)}, which is no node of ${where(scope)}`)
        node.edges.push({ target, label: 'on failure', style: 'dashed' })
      } else if (source.fallbackOnFailure === true) node.continuesOnFailure = true
    }
  }

  markUnreachable(root, warnings)
  warnings.push(...paid.unmatched('--paid'), ...highlight.unmatched('--highlight'))
  return { root, nodes, missing, warnings }
}

function createNode(source: DiagramNode, scope: Scope, id: string, integrations: IntegrationNames): GraphNode {
  const slug = plainText(source.slug ?? '') || shortId(source.uuid)
  const { label, detail } = labelOf(source, slug, integrations)
  return {
    id,
    uuid: plainText(source.uuid),
    slug,
    scope,
    shape: shapeOf(source),
    label,
    detail: detail && detail !== label ? detail : undefined,
    paid: false,
    highlighted: false,
    continuesOnFailure: false,
    unreachable: false,
    edges: [],
  }
}

function labelOf(source: DiagramNode, slug: string, integrations: IntegrationNames): { label: string; detail?: string } {
  const name = plainText(source.name ?? '')
  switch (source.kind) {
    case 'connector': {
      const known = Object.hasOwn(integrations, source.integrationSlug ?? '') ? integrations[source.integrationSlug!] : undefined
      const actionName = known && source.actionSlug && Object.hasOwn(known.actions, source.actionSlug) ? known.actions[source.actionSlug] : source.actionSlug
      if (known) return { label: name || slug, detail: `${plainText(known.name)} / ${plainText(actionName ?? '')}` }
      return { label: name || slug, detail: [source.integrationSlug, source.actionSlug].filter(Boolean).map((part) => plainText(part!)).join('.') }
    }
    case 'tool':
    case 'agent': {
      // tool and agent nodes have no action slug: they are named by their target
      const target = source.kind === 'tool' ? source.toolUuid : source.agentUuid
      const reference = target ?? source.templateSlug ?? (source.releaseUuid as string | undefined)
      const fallback = reference ? `${source.kind} ${shortId(plainText(reference))}` : slug
      return name ? { label: name, detail: source.kind } : { label: fallback }
    }
    case 'native':
      return { label: name || slug, detail: plainText(source.actionSlug ?? '') }
    default:
      return { label: name || slug, detail: plainText(source.kind ?? '') || undefined }
  }
}

function shapeOf(source: DiagramNode): Shape {
  if (source.kind === 'connector') return 'connector'
  if (source.kind === 'tool') return 'tool'
  if (source.kind === 'agent') return 'agent'
  if (source.kind !== 'native') return 'step'
  const action = source.actionSlug ?? ''
  if (action === 'start' || action === 'end') return 'terminal'
  if (decisionActions.has(action)) return 'decision'
  if (action === 'agent') return 'agent'
  if (scriptActions.has(action)) return 'script'
  if (action === 'group') return 'group'
  return 'step'
}

function isStart(source: DiagramNode): boolean {
  return source.kind === 'native' && source.actionSlug === 'start'
}

/** What a routing node means by each child index (entities.md: native actions). */
function edgeLabel(source: DiagramNode, index: number, count: number): string | undefined {
  const action = source.kind === 'native' ? source.actionSlug : undefined
  switch (action) {
    case 'branch':
      return ['yes', 'no'][index] ?? `output ${index}`
    case 'filter':
      return index === 0 ? 'if true' : `output ${index}`
    case 'switch':
      return plainText(source.config?.routes?.[index]?.name ?? '') || `route ${index}`
    case 'split': {
      const percentage = source.config?.percentage
      const share = percentage === undefined ? undefined : index === 0 ? percentage : 100 - percentage
      const side = ['A', 'B'][index] ?? `output ${index}`
      return share === undefined || index > 1 ? side : `${side} ${Math.round(share * 1000) / 1000}%`
    }
    case 'group':
      // the way out once every item has been through the sub-graph
      return count > 1 ? `then ${index}` : 'then'
    default:
      return count > 1 ? `output ${index}` : undefined
  }
}

/** Nodes not reached from their scope's start, following children, fallbacks and group bodies. Never loops: each node is visited once. */
function markUnreachable(root: Scope, warnings: string[]): void {
  const queue = root.start ? [root.start] : []
  const reached = new Set<GraphNode>(queue)
  for (let index = 0; index < queue.length; index++) {
    for (const edge of queue[index].edges) {
      if (edge.target.kind !== 'node' || reached.has(edge.target.node)) continue
      reached.add(edge.target.node)
      queue.push(edge.target.node)
    }
  }
  for (const scope of scopesOf(root)) {
    if (scope.owner && (scope.owner.unreachable || !reached.has(scope.owner))) continue
    if (!scope.start) {
      if (scope.owner && scope.nodes.length > 0) warnings.push(`${describe(scope.owner)}: its sub-graph has no start node`)
      else if (!scope.owner) warnings.push('the graph has no start node (kind native, actionSlug start): nothing in it can run, and reachability was not checked')
      continue
    }
    for (const node of scope.nodes) {
      if (reached.has(node)) continue
      node.unreachable = true
      warnings.push(`${describe(node)} is unreachable from start`)
    }
  }
}

/** Depth first, parents before their groups' sub-graphs. */
function scopesOf(root: Scope): Scope[] {
  const out: Scope[] = []
  const stack = [root]
  while (stack.length > 0) {
    const scope = stack.pop()!
    out.push(scope)
    for (const node of [...scope.nodes].reverse()) if (node.body) stack.push(node.body)
  }
  return out
}

function describe(node: GraphNode): string {
  return `node "${node.slug}" (${node.uuid})${node.scope.owner ? ` in group "${node.scope.owner.slug}"` : ''}`
}

function where(scope: Scope): string {
  return scope.owner ? `the sub-graph of group "${scope.owner.slug}"` : 'the graph'
}

function shortId(uuid: string): string {
  return uuid.slice(0, 8)
}

/** A --paid or --highlight list: which entries matched a node's slug or uuid. */
class Marks {
  private readonly wanted: Set<string>
  private readonly used = new Set<string>()
  constructor(values: string[] = []) {
    this.wanted = new Set(values)
  }
  matches(node: GraphNode): boolean {
    let hit = false
    for (const key of [node.slug, node.uuid]) {
      if (this.wanted.has(key)) {
        this.used.add(key)
        hit = true
      }
    }
    return hit
  }
  unmatched(flag: string): string[] {
    return [...this.wanted].filter((value) => !this.used.has(value)).map((value) => `${flag}: no node has the slug or uuid "${plainText(value)}"`)
  }
}
