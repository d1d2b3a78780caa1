/**
 * The content endpoints (wire.md §18): the knowledge files and libraries behind the `content file …` and
 * `content library …` commands.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { jsonObject, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import { contentFile, contentLibrary, fileKind } from '../schemas/content.js'

const fileNotFound = 'No file matches this UUID; run `content file list`.'
const fileUuid = (what: string) => req(uuid, `UUID of the file${what}`)

export const listFiles = defineEndpoint({
  name: 'content.listFiles',
  method: 'GET',
  path: '/content/files/list',
  payloadIn: 'query',
  payload: z.object({
    connectorUuid: opt(uuid, 'Only files synced through this connector'),
    kind: opt(fileKind, 'Only files of this origin: synced by a connector, or uploaded (native)'),
    folderUuid: opt(uuid, 'Only files in this folder'),
    libraryUuid: opt(uuid, 'Only files of this library'),
  }),
  result: z.looseObject({ files: z.array(contentFile) }),
  reasons: {},
})

export const getFile = defineEndpoint({
  name: 'content.getFile',
  method: 'GET',
  path: '/content/files/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: fileUuid('') }),
  result: z.looseObject({ file: contentFile }),
  reasons: { fileNotFound },
})

export const updateFile = defineEndpoint({
  name: 'content.updateFile',
  method: 'PUT',
  path: '/content/files/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: fileUuid(' to update'),
    name: opt(z.string().min(1), 'New name of the file'),
    folderUuid: optNull(uuid, 'Folder to move the file to (null takes it out of its folder)'),
  }),
  result: z.looseObject({ file: contentFile }),
  reasons: { fileNotFound, folderNotFound: 'The folder passed with --folder-uuid does not exist; see `workspaceManagement folder list`.' },
})

export const removeFile = defineEndpoint({
  name: 'content.removeFile',
  method: 'DELETE',
  path: '/content/files/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: fileUuid('') }),
  result: voidResult,
  reasons: { fileNotFound },
})

/** The file's bytes (a blob download with the usual Cargo headers, wire.md §10). */
export const getFileRaw = defineEndpoint({
  name: 'content.getFileRaw',
  method: 'GET',
  path: '/content/files/{uuid}/raw',
  payloadIn: 'none',
  payload: z.object({ uuid: fileUuid('') }),
  result: z.string(),
  reasons: { fileNotFound, tooLarge: 'The file is too large to be downloaded.' },
  textResult: true,
})

/**
 * Multipart POST (wire.md §9.1): the part `file`, plus these text fields. Sent with `client.upload`;
 * the payload describes the text fields, which the emulator validates.
 */
export const uploadFiles = defineEndpoint({
  name: 'content.uploadFiles',
  method: 'POST',
  path: '/content/files/upload',
  payloadIn: 'body',
  payload: z.object({
    folderUuid: opt(uuid, 'Folder to put the file in'),
    uuid: opt(uuid, 'Existing file whose content the upload replaces, keeping its UUID'),
  }),
  result: z.looseObject({ files: z.array(contentFile) }),
  reasons: { noFile: 'The upload request did not carry a file.' },
})

// ---------------------------------------------------------------------------------------------
// Libraries

const libraryNotFound = 'No library matches this UUID; run `content library list`.'
const libraryUuid = (what: string) => req(uuid, `UUID of the library${what}`)
const libraryResult = z.looseObject({ library: contentLibrary })

export const listLibraries = defineEndpoint({
  name: 'content.listLibraries',
  method: 'GET',
  path: '/content/libraries/list',
  payloadIn: 'query',
  payload: z.object({
    kind: opt(fileKind, 'Only libraries of this kind: synced by a connector, or native (uploads)'),
    connectorUuid: opt(uuid, 'Only libraries synced through this connector'),
  }),
  result: z.looseObject({ libraries: z.array(contentLibrary) }),
  reasons: {},
})

export const getLibrary = defineEndpoint({
  name: 'content.getLibrary',
  method: 'GET',
  path: '/content/libraries/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: libraryUuid('') }),
  result: libraryResult,
  reasons: { libraryNotFound },
})

/** Only connector libraries can be created: the payload needs a connector, an extractor and its config. */
export const createLibrary = defineEndpoint({
  name: 'content.createLibrary',
  method: 'POST',
  path: '/content/libraries/create',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name of the library'),
    connectorUuid: req(uuid, 'Connector the library syncs its documents from (see connection connector list)'),
    extractorSlug: req(z.string().min(1), "Extractor of the connector's integration that pulls the documents"),
    config: req(jsonObject, "The extractor's configuration as a JSON object ({} when it needs none)"),
    folderUuid: opt(uuid, 'Folder to file the library under'),
  }),
  result: libraryResult,
  reasons: {
    connectorNotFound: 'No connector matches --connector-uuid; see `connection connector list`.',
    integrationNotFound: "The connector's integration could not be found.",
    integrationNotCompatible: 'This integration cannot back a knowledge library (it has no suitable extractor).',
  },
})

export const updateLibrary = defineEndpoint({
  name: 'content.updateLibrary',
  method: 'PATCH',
  path: '/content/libraries/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: libraryUuid(' to change'),
    name: opt(z.string().min(1), 'New name of the library'),
    config: opt(jsonObject, "New extractor configuration, as a JSON object"),
    folderUuid: optNull(uuid, 'Folder to move the library to (null takes it out of its folder)'),
  }),
  result: libraryResult,
  reasons: { libraryNotFound },
})

export const removeLibrary = defineEndpoint({
  name: 'content.removeLibrary',
  method: 'DELETE',
  path: '/content/libraries/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: libraryUuid(' to delete') }),
  result: voidResult,
  reasons: { libraryNotFound, libraryHasFiles: 'The library still holds files; remove them first (content file list --library-uuid).' },
})
