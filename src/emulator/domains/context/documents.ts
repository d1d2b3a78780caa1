import type { z } from 'zod'
import type { contextRepository } from '../../../api/schemas/context.js'
import type { StoredDoc } from '../../kernel/store.js'

/**
 * The stored documents of the context domain: the repository record, one document per file (its current
 * content), and one per commit (what it changed, and its parent), which together are the file tree's history.
 */

export const KINDS = { repository: 'contextRepository', file: 'contextFile', commit: 'contextCommit' } as const

export type RepositoryDoc = z.infer<typeof contextRepository> & StoredDoc

export interface FileDoc extends StoredDoc {
  workspaceUuid: string
  path: string
  content: string
  /** sha of the commit that last changed it */
  commitSha: string
  updatedAt: string
  deletedAt: string | null
}

export interface CommitDoc extends StoredDoc {
  workspaceUuid: string
  sha: string
  parentSha: string | null
  message: string
  authorEmail: string
  paths: string[]
  createdAt: string
}

/** File documents are keyed by workspace and path: one live document per path. */
export const fileKey = (workspaceUuid: string, path: string) => `${workspaceUuid}:${path}`
