import type { Folder, Permission as ApiPermission, Role, Token } from '../../../api/schemas/workspace-management.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored workspaceManagement documents: members, roles, tokens, folders, uploaded files and multipart uploads. */

/** The API's Permission, nulls kept (`resources: null`: every resource). */
export type Permission = Pick<WithNulls<ApiPermission>, 'effect' | 'resources' | 'actions'>

/** Internal, not an API entity: a user's membership of a workspace (shown as the API's WorkspaceUser). */
export interface MemberDoc extends StoredDoc {
  workspaceUuid: string
  userUuid: string
  roleUuid: string | null
  permissions: Permission[]
}

export type RoleDoc = StoredDoc & Pick<WithNulls<Role>, 'workspaceUuid' | 'slug'>

export type TokenDoc = StoredDoc & Pick<WithNulls<Token>, 'token' | 'workspaceUuid' | 'userUuid' | 'deletedAt'>

/** The API's Folder, nulls kept; `_order` (internal) is its place among its siblings. */
export type FolderDoc = StoredDoc & Pick<WithNulls<Folder>, 'parentUuid' | 'kind' | 'name' | 'workspaceUuid' | 'deletedAt'> & { _order: number | null }

/** Not the API's UploadedFile (which is the upload's answer): an uploaded file as stored, with its size. */
export interface WorkspaceFileDoc extends StoredDoc {
  workspaceUuid: string
  s3Filename: string
  name: string
  contentType: string
  size: number
  /** base64, for seeded files; uploaded bytes live in the side table (fileBytes) */
  _content?: string
}

/** Internal: an S3-like multipart upload in progress, and its parts (PartDoc). */
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
