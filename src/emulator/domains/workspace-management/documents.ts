import type { StoredDoc } from '../../kernel/store.js'

/** Stored workspaceManagement documents: members, roles, tokens, folders, uploaded files and multipart uploads. */

export interface Permission {
  effect: 'allow' | 'deny'
  resources: string[] | null
  actions: string[]
}

export interface MemberDoc extends StoredDoc {
  workspaceUuid: string
  userUuid: string
  roleUuid: string | null
  permissions: Permission[]
}

export interface RoleDoc extends StoredDoc {
  workspaceUuid: string
  slug: string
}

export interface TokenDoc extends StoredDoc {
  token: string
  workspaceUuid: string
  userUuid: string
  deletedAt: string | null
}

export interface FolderDoc extends StoredDoc {
  parentUuid: string | null
  kind: string
  name: string
  workspaceUuid: string
  deletedAt: string | null
  _order: number | null
}

export interface WorkspaceFileDoc extends StoredDoc {
  workspaceUuid: string
  s3Filename: string
  name: string
  contentType: string
  size: number
  /** base64, for seeded files; uploaded bytes live in the side table (fileBytes) */
  _content?: string
}

export interface MultipartDoc extends StoredDoc {
  workspaceUuid: string
  s3Filename: string
  contentType: string
  filename: string | null
  status: 'open' | 'completed' | 'aborted'
}

export interface PartDoc extends StoredDoc {
  uploadId: string
  partNumber: number
  etag: string
}
