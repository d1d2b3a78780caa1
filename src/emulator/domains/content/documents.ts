import type { JsonObject } from '../../expressions.js'
import type { ContentFile, ContentLibrary } from '../../../api/schemas/content.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored content documents: libraries, files, and the seeded file's bytes. */

/** The API's ContentLibrary of either kind, nulls kept; `config` is the emulator's JSON (the API allows any record). */
export type ContentLibraryDoc = StoredDoc &
  Pick<WithNulls<ContentLibrary>, 'workspaceUuid' | 'name' | 'extractorSlug' | 'folderUuid' | 'lastSyncedAt' | 'kind' | 'createdAt' | 'updatedAt' | 'deletedAt'> & {
    config: JsonObject
    connectorUuid?: string
  }

/** The API's ContentFile, nulls kept (the emulator stores native files only: uploads and the seeded one). */
export type ContentFileDoc = StoredDoc &
  Pick<
    WithNulls<ContentFile>,
    | 'workspaceUuid'
    | 'libraryUuid'
    | 'userUuid'
    | 'name'
    | 'isTemporary'
    | 'folderUuid'
    | 's3Filename'
    | 'openAiFileId'
    | 'contentType'
    | 'size'
    | 'isIndexedInOpenAiVectorStore'
    | 'externalId'
    | 'kind'
    | 'createdAt'
    | 'updatedAt'
    | 'deletedAt'
  >

/** Internal, not an API entity: the seeded file's bytes, kept as a document; uploaded files' bytes are kept on disk (Store.blobs). */
export interface ContentBytesDoc extends StoredDoc {
  base64: string
}
