/** A node graph as a Mermaid flowchart: one statement per node, then the edges, then the marks. */
import { mermaidText, plainText } from './label-text.js'
import type { Edge, GraphNode, NodeGraph, Scope, Shape } from './node-graph.js'

export type Direction = 'TD' | 'LR'

export interface MermaidOptions {
  title?: string
  direction?: Direction
}

const shapes: Record<Shape, [string, string]> = {
  terminal: ['([', '])'],
  decision: ['{', '}'],
  connector: ['[', ']'],
  tool: ['[[', ']]'],
  agent: ['{{', '}}'],
  script: ['[/', '/]'],
  group: ['[', ']'],
  step: ['(', ')'],
}

const classes = {
  highlight: 'fill:#fee2e2,stroke:#dc2626,stroke-width:2px',
  unreachable: 'stroke-dasharray:5 5,color:#6b7280',
  missing: 'fill:#ffffff,stroke:#dc2626,stroke-dasharray:5 5',
}

const indentUnit = '    '

export function drawMermaid(graph: NodeGraph, options: MermaidOptions = {}): string {
  const lines: string[] = []
  const title = plainText(options.title ?? '')
  // a JSON string is a valid YAML double-quoted scalar: the title cannot end the front matter
  if (title) lines.push('---', `title: ${JSON.stringify(title)}`, '---')
  lines.push(`flowchart ${options.direction ?? 'TD'}`)
  for (const warning of graph.warnings) lines.push(`${indentUnit}%% warning: ${plainText(warning)}`)
  declareScope(graph.root, 1, lines)
  for (const missing of graph.missing) lines.push(`${indentUnit}${missing.id}["missing node<br/>${mermaidText(missing.uuid)}"]`)
  for (const node of graph.nodes) for (const edge of node.edges) if (edge.target.kind !== 'unconnected') lines.push(`${indentUnit}${edgeStatement(node, edge)}`)
  addClass(lines, 'highlight', graph.nodes.filter((node) => node.highlighted).map((node) => node.id))
  addClass(lines, 'unreachable', graph.nodes.filter((node) => node.unreachable).map((node) => node.id))
  addClass(lines, 'missing', graph.missing.map((missing) => missing.id))
  return lines.join('\n')
}

/** The fenced block that `--raw` prints, ready to paste into Markdown. */
export function fenceMermaid(diagram: string): string {
  return `\`\`\`mermaid\n${diagram}\n\`\`\``
}

function declareScope(scope: Scope, depth: number, lines: string[]): void {
  const indent = indentUnit.repeat(depth)
  for (const node of scope.nodes) {
    const [open, close] = shapes[node.shape]
    lines.push(`${indent}${node.id}${open}"${nodeText(node)}"${close}`)
    if (!node.body) continue
    lines.push(`${indent}subgraph ${node.body.id} ["${mermaidText(node.label)}: for each item"]`)
    declareScope(node.body, depth + 1, lines)
    lines.push(`${indent}end`)
  }
}

function nodeText(node: GraphNode): string {
  const label = `${node.paid ? '💳 ' : ''}${mermaidText(node.label)}${node.continuesOnFailure ? ' ↷' : ''}`
  return node.detail ? `${label}<br/>${mermaidText(node.detail)}` : label
}

function edgeStatement(from: GraphNode, edge: Edge): string {
  const to = edge.target.kind === 'node' ? edge.target.node.id : edge.target.kind === 'missing' ? edge.target.missing.id : ''
  const arrow = edge.style === 'dashed' ? '-.->' : '-->'
  return `${from.id} ${arrow}${edge.label ? `|"${mermaidText(edge.label)}"|` : ''} ${to}`
}

function addClass(lines: string[], name: keyof typeof classes, ids: string[]): void {
  if (ids.length === 0) return
  lines.push(`${indentUnit}classDef ${name} ${classes[name]}`, `${indentUnit}class ${ids.join(',')} ${name}`)
}
