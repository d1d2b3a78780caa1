import { posix } from 'node:path'
import type { ContextGraph } from '../../../api/schemas/context.js'
import type { FileDoc } from './documents.js'

/**
 * The knowledge graph over the markdown files: one node per file (title and summary from the frontmatter,
 * else the first heading and the first line of text), and its links: frontmatter values naming a file,
 * [[wikilinks]] and [markdown](links.md). A link to no file is broken.
 */

const wikilink = /\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]/g
const mdlink = /\[[^\]]*\]\(([^)\s#]+\.md)(?:#[^)]*)?\)/g

function frontmatter(content: string): { fields: Record<string, string>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(content)
  if (!match) return { fields: {}, body: content }
  const fields: Record<string, string> = {}
  for (const line of match[1].split('\n')) {
    const field = /^(\w[\w-]*):\s*(.*)$/.exec(line)
    if (field) fields[field[1]] = field[2].trim()
  }
  return { fields, body: content.slice(match[0].length) }
}

export function buildGraph(files: readonly FileDoc[], computedAt: string): ContextGraph {
  const markdown = files.filter((file) => file.path.endsWith('.md'))
  const paths = new Set(markdown.map((file) => file.path))
  const byStem = new Map(markdown.map((file) => [file.path.replace(/\.md$/, ''), file.path]))
  const graph: ContextGraph = { nodes: [], edges: [], broken: [], computedAt }
  const link = (source: string, target: string | undefined, written: string, origin: 'frontmatter' | 'wikilink' | 'mdlink') => {
    if (target && paths.has(target)) graph.edges.push({ source, target, origin })
    else graph.broken.push({ source, target: target ?? written, origin })
  }
  for (const file of markdown) {
    const { fields, body } = frontmatter(file.content)
    const lines = body.split('\n').map((line) => line.trim())
    const heading = lines.find((line) => line.startsWith('# '))?.slice(2)
    const firstText = lines.find((line) => line !== '' && !line.startsWith('#'))
    const summary = fields.summary ?? fields.description ?? firstText
    graph.nodes.push({
      id: file.path,
      title: fields.title ?? heading ?? posix.basename(file.path, '.md'),
      ...(summary ? { summary } : {}),
      cluster: file.path.includes('/') ? file.path.split('/')[0] : file.path,
    })
    for (const value of Object.values(fields)) {
      for (const named of value.split(/[\s,[\]]+/).filter((word) => word.endsWith('.md'))) link(file.path, named, named, 'frontmatter')
    }
    for (const [, target] of body.matchAll(wikilink)) link(file.path, byStem.get(target.trim()) ?? (paths.has(target.trim()) ? target.trim() : undefined), target.trim(), 'wikilink')
    for (const [, target] of body.matchAll(mdlink)) {
      const resolved = posix.normalize(posix.join(posix.dirname(file.path), target))
      link(file.path, resolved, target, 'mdlink')
    }
  }
  return graph
}
