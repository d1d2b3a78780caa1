/**
 * A node graph as a tree of text lines for a terminal. A plain next step continues on the same column;
 * a node with several ways out (routing, fallback, a group's loop) opens one labelled arm per way. A node
 * reached a second time (a merge, or a cycle) is named with ↩ instead of being drawn again, so any graph
 * draws in a bounded number of lines.
 */
import { displayWidth, plainText } from './label-text.js'
import type { EdgeTarget, GraphNode, NodeGraph, Shape } from './node-graph.js'

export interface AsciiOptions {
  title?: string
}

/** Wider than this, a line wraps in most terminals; reported, never truncated. */
export const ASCII_WIDTH_LIMIT = 120

const shapes: Record<Shape, [string, string]> = {
  terminal: ['([', '])'],
  decision: ['<', '>'],
  connector: ['[', ']'],
  tool: ['[[', ']]'],
  agent: ['{{', '}}'],
  script: ['/', '/'],
  group: ['[', ']'],
  step: ['(', ')'],
}

interface Arm {
  target: EdgeTarget
  /** what precedes the node on its first line */
  lead: string
  /** what precedes the lines below it */
  indent: string
}

export function drawAscii(graph: NodeGraph, options: AsciiOptions = {}): { text: string; warnings: string[] } {
  const lines: string[] = []
  const drawn = new Set<GraphNode>()
  const start = graph.root.start
  if (start) drawFrom(start, lines, drawn)
  let header = start ? 'unreachable from start:' : undefined
  for (const node of graph.nodes) {
    if (drawn.has(node)) continue
    if (header) lines.push('', header)
    else if (lines.length > 0) lines.push('')
    header = undefined
    drawFrom(node, lines, drawn)
  }
  const title = plainText(options.title ?? '')
  if (title) lines.unshift(title, '═'.repeat(displayWidth(title)), '')

  const warnings = [...graph.warnings]
  const widest = Math.max(0, ...lines.map(displayWidth))
  if (widest > ASCII_WIDTH_LIMIT) {
    warnings.push(`the ascii drawing is ${widest} columns wide: lines longer than ${ASCII_WIDTH_LIMIT} columns wrap in most terminals (try --format mermaid)`)
  }
  if (warnings.length > 0) lines.push('', 'warnings:', ...warnings.map((warning) => `  ! ${plainText(warning)}`))
  return { text: lines.join('\n'), warnings }
}

function drawFrom(first: GraphNode, lines: string[], drawn: Set<GraphNode>): void {
  // an explicit stack: a long chain or deep nesting cannot exhaust the call stack
  const stack: Arm[] = [{ target: { kind: 'node', node: first }, lead: '', indent: '' }]
  while (stack.length > 0) {
    const { target, lead, indent } = stack.pop()!
    if (target.kind === 'unconnected') {
      lines.push(`${lead}○ not connected`)
      continue
    }
    if (target.kind === 'missing') {
      lines.push(`${lead}✖ missing node ${target.missing.uuid}`)
      continue
    }
    const node = target.node
    if (drawn.has(node)) {
      lines.push(`${lead}↩ ${nodeText(node)} (drawn above)`)
      continue
    }
    drawn.add(node)
    lines.push(`${lead}${nodeText(node)}${node.highlighted ? '  ◀── highlighted' : ''}`)
    const [only, ...others] = node.edges
    if (!only) continue
    if (others.length === 0 && !only.label && only.style === 'solid') {
      lines.push(`${indent}│`)
      stack.push({ target: only.target, lead: indent, indent })
      continue
    }
    const segments = node.edges.map((edge) => (edge.label ? ` ${plainText(edge.label)} ` : ''))
    const width = Math.max(...segments.map(displayWidth))
    const arms = node.edges.map((edge, index): Arm => {
      const last = index === node.edges.length - 1
      const line = edge.style === 'dashed' ? '┄' : '─'
      const head = `${last ? '└' : '├'}${line}${segments[index]}${line.repeat(width - displayWidth(segments[index]) + 1)}▶ `
      return { target: edge.target, lead: `${indent}${head}`, indent: `${indent}${last ? ' ' : '│'}${' '.repeat(displayWidth(head) - 1)}` }
    })
    stack.push(...arms.reverse())
  }
}

function nodeText(node: GraphNode): string {
  const [open, close] = shapes[node.shape]
  const detail = node.detail ? ` · ${node.detail}` : ''
  return `${open}${node.paid ? '💳 ' : ''}${node.label}${node.continuesOnFailure ? ' ↷' : ''}${detail}${close}`
}
