import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/content.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import { badRequest, notFound } from '../../kernel/http.js'
import { contentBytes, contentFileDoc, keepContentBytes } from './seed.js'
import { type ContentFileDoc, type ContentLibraryDoc } from './documents.js'
import { integrationSpec } from '../../catalog.js'
import { equal, select } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { checkFolder } from '../workspace-management/handlers.js'

/** Knowledge files (content domain): listed, renamed, moved, removed, uploaded, and served raw; and the libraries that hold them. */

const fileOf = (ctx: Ctx, uuid: string) => mustGet<ContentFileDoc>(ctx, 'contentFile', uuid, 'file')
const view = (file: ContentFileDoc) => ({ file: publicView(file) })
const libraryOf = (ctx: Ctx, uuid: string) => mustGet<ContentLibraryDoc>(ctx, 'contentLibrary', uuid, 'library')
const libraryView = (library: ContentLibraryDoc) => ({ library: publicView(library) })
const libraryPredicates = { kind: equal('kind'), connectorUuid: equal('connectorUuid') }

/** A library syncs through one of the extractors of its connector's integration. */
function checkExtractor(ctx: Ctx, connectorUuid: string, extractorSlug: string): void {
  const connector = mustGet<{ uuid: string; integrationSlug: string }>(ctx, 'connector', connectorUuid, 'connector')
  const integration = integrationSpec(connector.integrationSlug)
  if (!integration) throw notFound('integration')
  if (!integration.extractors?.[extractorSlug]) {
    const known = Object.keys(integration.extractors ?? {})
    throw badRequest(
      'integrationNotCompatible',
      `${integration.name} has no extractor ${extractorSlug}${known.length > 0 ? `; its extractors: ${known.join(', ')}` : ' (it has no extractor)'}.`,
    )
  }
}

const filePredicates = {
  connectorUuid: equal('connectorUuid'),
  kind: equal('kind'),
  folderUuid: equal('folderUuid'),
  libraryUuid: equal('libraryUuid'),
}

/** Keeps an upload's bytes (read before the transaction, as `file.bytes`, by emulator.ts). */
function keepBytes(ctx: Ctx, uuid: string, file: Blob): void {
  keepContentBytes(ctx.store, uuid, (file as Blob & { bytes?: Buffer }).bytes ?? Buffer.alloc(0))
}

const libraryHandlers = [
  on(api.listLibraries, (ctx, payload) => ({ libraries: select(live<ContentLibraryDoc>(ctx, 'contentLibrary'), payload, libraryPredicates).map(publicView) })),
  on(api.getLibrary, (ctx, { uuid }) => libraryView(libraryOf(ctx, uuid))),
  on(api.createLibrary, (ctx, payload) => {
    checkExtractor(ctx, payload.connectorUuid, payload.extractorSlug)
    checkFolder(ctx, payload.folderUuid)
    const library: ContentLibraryDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      name: payload.name,
      extractorSlug: payload.extractorSlug,
      config: payload.config as ContentLibraryDoc['config'],
      folderUuid: payload.folderUuid ?? null,
      lastSyncedAt: null,
      kind: 'connector',
      connectorUuid: payload.connectorUuid,
      ...stamps(ctx),
      deletedAt: null,
    }
    save(ctx, 'contentLibrary', library)
    return libraryView(library)
  }),
  on(api.updateLibrary, (ctx, payload) => {
    const library = libraryOf(ctx, payload.uuid)
    checkFolder(ctx, payload.folderUuid)
    const updated = { ...library, ...sent(payload, ['name', 'config', 'folderUuid']), updatedAt: iso(ctx.now) } as ContentLibraryDoc
    save(ctx, 'contentLibrary', updated)
    return libraryView(updated)
  }),
  on(api.removeLibrary, (ctx, { uuid }) => {
    const library = libraryOf(ctx, uuid)
    const files = live<ContentFileDoc>(ctx, 'contentFile', { libraryUuid: uuid })
    if (files.length > 0) throw badRequest('libraryHasFiles', `The library still holds ${files.length} file(s); remove them first (content file list --library-uuid ${uuid}).`)
    save(ctx, 'contentLibrary', { ...library, deletedAt: iso(ctx.now) })
  }),
]

export const contentHandlers = [
  ...libraryHandlers,
  on(api.listFiles, (ctx, payload) => ({ files: select(live<ContentFileDoc>(ctx, 'contentFile'), payload, filePredicates).map(publicView) })),
  on(api.getFile, (ctx, { uuid }) => view(fileOf(ctx, uuid))),
  on(api.updateFile, (ctx, payload) => {
    const file = fileOf(ctx, payload.uuid)
    checkFolder(ctx, payload.folderUuid)
    const updated = { ...file, ...sent(payload, ['name', 'folderUuid']), updatedAt: iso(ctx.now) } as ContentFileDoc
    save(ctx, 'contentFile', updated)
    return view(updated)
  }),
  on(api.removeFile, (ctx, { uuid }) => {
    save(ctx, 'contentFile', { ...fileOf(ctx, uuid), deletedAt: iso(ctx.now) })
  }),
  on(api.getFileRaw, (ctx, { uuid }) => {
    const file = fileOf(ctx, uuid)
    return new Response(new Uint8Array(contentBytes(ctx.store, uuid)), { headers: { 'content-type': file.contentType } })
  }),
  on(api.uploadFiles, (ctx, payload) => {
    const part = ctx.form?.get('file')
    if (!(part instanceof Blob)) throw badRequest('noFile')
    checkFolder(ctx, payload.folderUuid)
    const name = (part as File).name || 'file'
    // `uuid` replaces the content of an existing file; it has no effect when there is no such file
    const existing = payload.uuid ? lookup<ContentFileDoc>(ctx, 'contentFile', payload.uuid) : undefined
    const uuid = existing?.uuid ?? randomUUID()
    const file = contentFileDoc({
      ...existing,
      uuid,
      workspaceUuid: ctx.workspaceUuid,
      userUuid: ctx.userUuid,
      name,
      contentType: part.type || 'application/octet-stream',
      size: part.size,
      s3Filename: `${uuid}-${name}`,
      folderUuid: payload.folderUuid ?? existing?.folderUuid ?? null,
      createdAt: existing?.createdAt ?? iso(ctx.now),
      updatedAt: iso(ctx.now),
    })
    save(ctx, 'contentFile', file)
    keepBytes(ctx, uuid, part)
    return { files: [publicView(file)] }
  }),
]
