import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import { CONNECTION_SEED } from '../connection/seed.js'
import type { Kind, Store, StoredDoc } from '../../kernel/store.js'
import type { ContentLibraryDoc, ContentFileDoc, ContentBytesDoc } from './documents.js'

/**
 * The content catalogue: the workspace's native library (where uploads go) and one knowledge file.
 * The seeded file's bytes are kept beside it (kind `contentBytes`, base64), uploads' on disk; served by `content/files/{uuid}/raw`.
 */

export const CONTENT_SEED = {
  libraryUuid: id(0x1201),
  fileUuid: id(0x1202),
  /** a library synced from the HubSpot connector (connection/seed.ts) through its contacts extractor */
  connectorLibraryUuid: id(0x1203),
} as const

const bytesKey = (fileUuid: string) => `content:${fileUuid}`

/** Keeps an uploaded file's bytes beside the database. */
export function keepContentBytes(store: Store, fileUuid: string, bytes: Buffer): void {
  store.blobs.put(bytesKey(fileUuid), bytes)
}

/** A content file's bytes: on disk for uploads, in a document for the seeded file (and uploads kept before). */
export function contentBytes(store: Store, fileUuid: string): Buffer {
  return store.blobs.get(bytesKey(fileUuid)) ?? Buffer.from(store.get<ContentBytesDoc>('contentBytes', fileUuid)?.base64 ?? '', 'base64')
}

/** A native (uploaded) file of the workspace's library. */
export function contentFileDoc(fields: Pick<ContentFileDoc, 'uuid' | 'workspaceUuid' | 'userUuid' | 'name' | 'contentType' | 'size' | 'createdAt'> & Partial<ContentFileDoc>): ContentFileDoc {
  const { uuid, workspaceUuid, userUuid, name, contentType, size, createdAt } = fields
  // the keys in the entity's order, uuid first
  return {
    uuid,
    workspaceUuid,
    libraryUuid: CONTENT_SEED.libraryUuid,
    userUuid,
    name,
    isTemporary: false,
    folderUuid: null,
    s3Filename: `${uuid}-${name}`,
    openAiFileId: `file-${uuid.replaceAll('-', '').slice(0, 24)}`,
    contentType,
    size,
    isIndexedInOpenAiVectorStore: true,
    externalId: null,
    kind: 'native',
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    ...(fields as Partial<ContentFileDoc>),
  }
}

const knowledgeBase = `# Acme knowledge base

- Acme sells anvils to companies of more than 100 employees.
- Jane Doe is the VP of Sales.
`

export function contentDocs(): Array<[Kind, StoredDoc]> {
  const ws = SEED.workspaceUuid
  const bytes = Buffer.from(knowledgeBase)
  const library: ContentLibraryDoc = {
    uuid: CONTENT_SEED.libraryUuid,
    workspaceUuid: ws,
    name: 'Uploaded files',
    extractorSlug: 'files',
    config: {},
    folderUuid: null,
    lastSyncedAt: null,
    kind: 'native',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    deletedAt: null,
  }
  const connectorLibrary: ContentLibraryDoc = {
    ...library,
    uuid: CONTENT_SEED.connectorLibraryUuid,
    name: 'CRM contacts',
    extractorSlug: 'contacts',
    lastSyncedAt: SEEDED_AT,
    kind: 'connector',
    connectorUuid: CONNECTION_SEED.hubspotConnectorUuid,
  }
  return [
    ['contentLibrary', library],
    ['contentLibrary', connectorLibrary],
    [
      'contentFile',
      contentFileDoc({ uuid: CONTENT_SEED.fileUuid, workspaceUuid: ws, userUuid: SEED.userUuid, name: 'knowledge-base.md', contentType: 'text/markdown', size: bytes.length, createdAt: SEEDED_AT }),
    ],
    ['contentBytes', { uuid: CONTENT_SEED.fileUuid, workspaceUuid: ws, base64: bytes.toString('base64') }],
  ]
}
