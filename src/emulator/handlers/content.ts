import { randomUUID } from 'node:crypto'
import * as api from '../../api/endpoints/content.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../context.js'
import { publicView } from '../documents.js'
import { badRequest } from '../http.js'
import { type ContentBytesDoc, type ContentFileDoc, contentFileDoc } from '../seed-content.js'
import { equal, select } from '../selection.js'
import { iso } from '../timing.js'
import { checkFolder } from './tools.js'
import { sent } from '../doc-fields.js'

/** Knowledge files (content domain): listed, renamed, moved, removed, uploaded, and served raw. */

const fileOf = (ctx: Ctx, uuid: string) => mustGet<ContentFileDoc>(ctx, 'contentFile', uuid, 'file')
const view = (file: ContentFileDoc) => ({ file: publicView(file) })

const filePredicates = {
  connectorUuid: equal('connectorUuid'),
  kind: equal('kind'),
  folderUuid: equal('folderUuid'),
  libraryUuid: equal('libraryUuid'),
}

/** Keeps an upload's bytes (read before the transaction, as `file.bytes`, by emulator.ts). */
function keepBytes(ctx: Ctx, uuid: string, file: Blob): void {
  const bytes = (file as Blob & { bytes?: Buffer }).bytes ?? Buffer.alloc(0)
  const doc: ContentBytesDoc = { uuid, workspaceUuid: ctx.workspaceUuid, base64: bytes.toString('base64') }
  save(ctx, 'contentBytes', doc)
}

export const contentHandlers = [
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
    const bytes = ctx.store.get<ContentBytesDoc>('contentBytes', uuid)
    return new Response(Buffer.from(bytes?.base64 ?? '', 'base64'), { headers: { 'content-type': file.contentType } })
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
