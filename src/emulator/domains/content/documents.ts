import type { JsonObject } from '../../expressions.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored content documents: libraries, files, and the seeded file's bytes. */

export interface ContentLibraryDoc extends StoredDoc {
  workspaceUuid: string
  name: string
  extractorSlug: string
  config: JsonObject
  folderUuid: string | null
  lastSyncedAt: string | null
  kind: 'native' | 'connector'
  connectorUuid?: string
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface ContentFileDoc extends StoredDoc {
  workspaceUuid: string
  libraryUuid: string
  userUuid: string | null
  name: string
  isTemporary: boolean
  folderUuid: string | null
  s3Filename: string
  openAiFileId: string
  contentType: string
  size: number
  isIndexedInOpenAiVectorStore: boolean
  externalId: string | null
  kind: 'native' | 'connector'
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** The seeded file's bytes, kept as a document; uploaded files' bytes are kept on disk (Store.blobs). */
export interface ContentBytesDoc extends StoredDoc {
  base64: string
}
