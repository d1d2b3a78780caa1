/** Node graph → diagram: pure functions, no I/O (the command fetches the nodes and prints the result). */
import { drawAscii } from './ascii.js'
import type { DiagramNode } from './diagram-nodes.js'
import { type Direction, drawMermaid, fenceMermaid } from './mermaid.js'
import { buildGraph, type GraphOptions } from './node-graph.js'

export type DiagramFormat = 'ascii' | 'mermaid'

export interface DiagramOptions extends GraphOptions {
  format: DiagramFormat
  title?: string
  /** Mermaid only */
  direction?: Direction
}

/** What `orchestration node diagram` prints (without --raw). */
export interface Diagram {
  format: DiagramFormat
  diagram: string
  warnings: string[]
}

export function renderDiagram(nodes: DiagramNode[], options: DiagramOptions): Diagram {
  const graph = buildGraph(nodes, options)
  if (options.format === 'ascii') {
    const { text, warnings } = drawAscii(graph, { title: options.title })
    return { format: 'ascii', diagram: text, warnings }
  }
  return { format: 'mermaid', diagram: drawMermaid(graph, { title: options.title, direction: options.direction }), warnings: graph.warnings }
}

/** The text `--raw` prints: the ascii drawing as it is, Mermaid in a fenced block; ends with a newline. */
export function rawDiagram(diagram: Diagram): string {
  return `${diagram.format === 'mermaid' ? fenceMermaid(diagram.diagram) : diagram.diagram}\n`
}
