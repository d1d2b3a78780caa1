/**
 * Context domain (entities.md, "context"): the workspace's context repository (markdown files in git), its
 * runtime sandbox and the knowledge graph over its files. Entities are loose; `T | null` fields are optional
 * because the client strips nulls.
 */
import { z } from 'zod'
import { entity, timestamp } from './common.js'

export const contextRepositorySource = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('managed'), defaultBranch: z.string() }),
  z.looseObject({ kind: z.literal('custom'), connectorUuid: z.string(), repositoryOwner: z.string(), repositoryName: z.string(), defaultBranch: z.string() }),
])

export const contextRepository = entity({
  uuid: z.string(),
  workspaceUuid: z.string(),
  source: contextRepositorySource,
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type ContextRepository = z.infer<typeof contextRepository>

export const contextEntryKind = z.enum(['file', 'folder'])

export const contextEntry = z.looseObject({ name: z.string(), path: z.string(), kind: contextEntryKind })
export type ContextEntry = z.infer<typeof contextEntry>

/** What a write, an edit (and a pushed execute) leaves in the repository's history. */
export const contextCommit = z.looseObject({ sha: z.string(), message: z.string() })
export type ContextCommit = z.infer<typeof contextCommit>

export const graphLinkOrigin = z.enum(['frontmatter', 'wikilink', 'mdlink'])

const graphLink = z.looseObject({ source: z.string(), target: z.string(), origin: graphLinkOrigin })

/** Nodes are repo-relative paths of markdown files; cluster is the top-level folder (the path for root files). */
export const contextGraph = z.looseObject({
  nodes: z.array(z.looseObject({ id: z.string(), title: z.string(), summary: z.string().optional(), cluster: z.string() })),
  edges: z.array(graphLink),
  broken: z.array(graphLink),
  computedAt: timestamp,
})
export type ContextGraph = z.infer<typeof contextGraph>
