import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { z } from 'zod'
import * as api from '../../../api/endpoints/workspace-management.js'
import { csvHeader } from '../../csv.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import { ApiFailure, badRequest, notFound } from '../../kernel/http.js'
import type { Store, StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import type { UserDoc } from '../user-management/documents.js'
import type { Permission, MemberDoc, RoleDoc, TokenDoc, FolderDoc, WorkspaceFileDoc, MultipartDoc, PartDoc } from './documents.js'

/**
 * workspaceManagement (userManagement's own calls: domains/user-management). Users are global documents
 * (`user`); membership of a workspace is a `member` document {userUuid, roleUuid, permissions}.
 * Tokens: the secret is shown whole only in the create answer; lists and updates show it masked
 * (`cargo_…abcd`), which still fits the types' `token: string`. A removed token gets `deletedAt` and
 * stops authenticating (emulator.ts reads it). Uploaded files keep their bytes in a side table of the
 * store; large uploads go through the S3-like part URLs served under S3_PATH.
 */

// ---------------------------------------------------------------------------------------------
// Members

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function memberOf(ctx: Ctx, userUuid: string): MemberDoc | undefined {
  return ctx.store.findOne<MemberDoc>('member', ctx.workspaceUuid, { userUuid })
}

function mustBeMember(ctx: Ctx, userUuid: string): MemberDoc {
  const member = memberOf(ctx, userUuid)
  if (!member) throw notFound('user')
  return member
}

function memberView(ctx: Ctx, member: MemberDoc) {
  const user = ctx.store.get<UserDoc>('user', member.userUuid)
  const role = member.roleUuid ? lookup<RoleDoc>(ctx, 'role', member.roleUuid) : undefined
  return { ...publicView(user), workspaceUuid: member.workspaceUuid, permissions: member.permissions, role: role ? publicView(role) : null }
}

function roleBySlug(ctx: Ctx, slug: string): RoleDoc {
  const role = ctx.store.findOne<RoleDoc>('role', ctx.workspaceUuid, { slug })
  if (!role) throw new ApiFailure(404, { reason: 'roleNotFound', errorMessage: `No role "${slug}" in this workspace (see workspaceManagement role list)` })
  return role
}

function isAdmin(ctx: Ctx, member: MemberDoc): boolean {
  return member.roleUuid !== null && lookup<RoleDoc>(ctx, 'role', member.roleUuid)?.slug === 'admin'
}

/** A workspace keeps at least one admin (the docs' troubleshooting: removing the last admin fails). */
function keepAnAdmin(ctx: Ctx, member: MemberDoc): void {
  if (!isAdmin(ctx, member)) return
  const admins = ctx.store.find<MemberDoc>('member', ctx.workspaceUuid).filter((other) => isAdmin(ctx, other))
  if (admins.length <= 1) throw badRequest('lastAdmin', 'The workspace needs at least one admin: make someone else admin first')
}

/** The user of an email, created when unknown (invitations and permission grants by email). */
export function userByEmail(ctx: Ctx, email: string, invalid: () => ApiFailure): UserDoc {
  const address = email.trim().toLowerCase()
  if (!emailPattern.test(address)) throw invalid()
  const known = ctx.store.findOne<UserDoc>('user', undefined, { email: address })
  if (known) return known
  const user: UserDoc = {
    uuid: randomUUID(),
    email: address,
    firstName: null,
    lastName: null,
    picture: null,
    lastSignInAt: null,
    webExtensionData: null,
    ...stamps(ctx),
  }
  ctx.store.put('user', user, null)
  return user
}

function addMember(ctx: Ctx, workspaceUuid: string, userUuid: string, roleUuid: string | null): MemberDoc {
  const member: MemberDoc = { uuid: randomUUID(), workspaceUuid, userUuid, roleUuid, permissions: [], createdAt: iso(ctx.now) }
  ctx.store.put('member', member, workspaceUuid)
  return member
}

/** Allowing an action on a resource lifts its denial there, and the other way round. */
function upsertPermission(permissions: Permission[], grant: { action: string; resourceUuid: string; effect: Permission['effect'] }): Permission[] {
  const onResource = (p: Permission) => p.resources?.length === 1 && p.resources[0] === grant.resourceUuid
  const cleared = permissions
    .map((p) => (onResource(p) && p.effect !== grant.effect ? { ...p, actions: p.actions.filter((a) => a !== grant.action) } : p))
    .filter((p) => p.actions.length > 0)
  const same = cleared.find((p) => onResource(p) && p.effect === grant.effect)
  if (!same) return [...cleared, { effect: grant.effect, resources: [grant.resourceUuid], actions: [grant.action] }]
  return cleared.map((p) => (p === same && !p.actions.includes(grant.action) ? { ...p, actions: [...p.actions, grant.action] } : p))
}

function withoutResource(permissions: Permission[], resourceUuid: string, effect: Permission['effect']): Permission[] {
  return permissions
    .map((p) => (p.effect === effect && p.resources ? { ...p, resources: p.resources.filter((r) => r !== resourceUuid) } : p))
    .filter((p) => p.resources === null || p.resources.length > 0)
}

// ---------------------------------------------------------------------------------------------
// Tokens

const maskToken = (secret: string) => `${secret.slice(0, 6)}…${secret.slice(-4)}`

function tokenView(doc: TokenDoc, reveal = false) {
  const view = publicView(doc)
  return reveal ? view : { ...view, token: maskToken(doc.token) }
}

// ---------------------------------------------------------------------------------------------
// Workspaces

function workspaceView(ctx: Ctx, uuid: string) {
  return publicView(mustGet<StoredDoc>(ctx, 'workspace', uuid, 'workspace'))
}

/** A 5- or 6-field cron expression; anything else cannot be scheduled. */
const cronPattern = /^\s*(\S+\s+){4,5}\S+\s*$/

function storedSyncs(syncs: Array<{ domain: string; cron: string }>) {
  if (syncs.some((sync) => !cronPattern.test(sync.cron))) throw badRequest('failedToScheduleSync', 'A sync cron must have 5 or 6 fields, e.g. "0 * * * *"')
  return syncs.map((sync) => ({ ...sync, temporalScheduleWorkflowId: `schedule-${randomUUID()}` }))
}

const logoUrl = (base64: string | null | undefined) => (base64 ? `data:image/png;base64,${base64}` : null)

/** The roles of a new workspace, as the seeded one has them. */
const newRoles: Record<string, string[]> = {
  admin: ['ai:*', 'billing:*', 'connection:*', 'orchestration:*', 'segmentation:*', 'storage:*', 'workspaceManagement:*'],
  member: ['orchestration:*', 'segmentation:read', 'storage:read'],
}

export function createWorkspace(ctx: Ctx, payload: z.output<typeof api.createWorkspace.payload>) {
  const uuid = randomUUID()
  const roles = Object.entries(newRoles).map(([slug, actions]) => ({
    uuid: randomUUID(),
    workspaceUuid: uuid,
    slug,
    permissions: [{ effect: 'allow', resources: null, actions }],
    createdAt: iso(ctx.now),
  }))
  const workspace = {
    uuid,
    name: payload.name,
    allowedEmailDomains: [],
    syncs: [],
    temporalNamespace: 'emulator',
    temporalTaskQueuePrefix: null,
    maxConcurrentRuns: 100,
    openAiVectorStoreId: null,
    logoUrl: logoUrl(payload.logoBase64),
    metadata: payload.metadata ?? null,
    chromeExtensionMasterAgentUuid: null,
    chromeExtensionAvailableAgentUuids: null,
    defaultRoleUuid: roles[1].uuid,
    allowedLoginProviders: null,
    ssoIdentifier: null,
    quotaBuckets: {},
    ...stamps(ctx),
  }
  ctx.store.put('workspace', workspace, null)
  for (const role of roles) ctx.store.put('role', role, uuid)
  addMember(ctx, uuid, ctx.userUuid, roles[0].uuid)
  return workspace
}

function updateWorkspace(ctx: Ctx, payload: z.output<typeof api.updateCurrentWorkspace.payload>) {
  const workspace = mustGet<StoredDoc>(ctx, 'workspace', ctx.workspaceUuid, 'workspace')
  if (payload.defaultRoleUuid) mustGet(ctx, 'role', payload.defaultRoleUuid, 'role')
  const { logoBase64, openAiApiKey, syncs, ...rest } = payload
  const changes: Record<string, unknown> = sent(rest, [
    'name',
    'allowedEmailDomains',
    'metadata',
    'chromeExtensionMasterAgentUuid',
    'chromeExtensionAvailableAgentUuids',
    'defaultRoleUuid',
    'allowedLoginProviders',
  ])
  if (logoBase64 !== undefined) changes.logoUrl = logoUrl(logoBase64)
  if (openAiApiKey !== undefined) changes._openAiApiKey = openAiApiKey
  if (syncs) changes.syncs = storedSyncs(syncs)
  const updated = { ...workspace, ...changes, updatedAt: iso(ctx.now) }
  ctx.store.put('workspace', updated, null)
  return publicView(updated)
}

// ---------------------------------------------------------------------------------------------
// Folders

function checkParent(ctx: Ctx, folder: { uuid?: string; kind: string }, parentUuid: string | null | undefined): void {
  if (!parentUuid) return
  let parent: FolderDoc | undefined = mustGet<FolderDoc>(ctx, 'folder', parentUuid, 'folder')
  if (parent.kind !== folder.kind) throw badRequest('invalidParent', `The parent folder holds ${parent.kind}s, not ${folder.kind}s`)
  for (; parent; parent = parent.parentUuid ? lookup<FolderDoc>(ctx, 'folder', parent.parentUuid) : undefined) {
    if (parent.uuid === folder.uuid) throw badRequest('invalidParent', 'A folder cannot move under itself')
  }
}

function checkName(ctx: Ctx, folder: { uuid?: string; kind: string; name: string; parentUuid: string | null }): void {
  const name = folder.name.trim().toLowerCase()
  const clash = live<FolderDoc>(ctx, 'folder', { kind: folder.kind }).some(
    (other) => other.uuid !== folder.uuid && other.parentUuid === folder.parentUuid && other.name.trim().toLowerCase() === name,
  )
  if (clash) throw badRequest('duplicateName')
}

/** Resources (anything with this folderUuid) and sub-folders still in the folder. */
function contentsOf(ctx: Ctx, uuid: string): number {
  const row = ctx.store.db
    .prepare(
      `SELECT count(*) AS n FROM entities WHERE workspace_uuid = ? AND json_extract(data, '$.deletedAt') IS NULL
       AND (json_extract(data, '$.folderUuid') = ? OR (kind = 'folder' AND json_extract(data, '$.parentUuid') = ?))`,
    )
    .get(ctx.workspaceUuid, uuid, uuid) as { n: number }
  return row.n
}

/** A folder named by another domain's create or update must exist. */
export function checkFolder(ctx: Ctx, folderUuid: string | null | undefined): void {
  if (folderUuid) mustGet(ctx, 'folder', folderUuid, 'folder')
}

const byOrder = (a: FolderDoc, b: FolderDoc) => (a._order ?? Number.MAX_SAFE_INTEGER) - (b._order ?? Number.MAX_SAFE_INTEGER)

// ---------------------------------------------------------------------------------------------
// Files

/** Where the emulator serves the signed part URLs of multipart uploads (no Cargo auth, like S3). */
export const S3_PATH = '/__emulator/s3/'

/**
 * Bytes of uploaded files and parts, kept on disk beside the database (Store.blobs); files uploaded
 * before that are still read from the side table of the SQLite file they were kept in.
 */
function fileBytes(store: Store) {
  const legacy = (key: string, length: number) => {
    const table = store.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'workspace_file_bytes'").get()
    if (!table) return undefined
    const row = store.db.prepare('SELECT substr(bytes, 1, ?) AS bytes FROM workspace_file_bytes WHERE key = ?').get(length < 0 ? 2 ** 31 - 1 : length, key)
    return (row as { bytes: Buffer } | undefined)?.bytes
  }
  return {
    put: (key: string, bytes: Buffer) => store.blobs.put(key, bytes),
    /** the first `length` bytes, or all of them */
    get: (key: string, length = -1): Buffer | undefined => store.blobs.get(key, length) ?? legacy(key, length),
    remove: (key: string) => store.blobs.remove(key),
  }
}

const fileKey = (file: { workspaceUuid: string; s3Filename: string }) => `file:${file.workspaceUuid}/${file.s3Filename}`
const partKey = (uploadId: string, partNumber: number) => `part:${uploadId}/${partNumber}`

function bytesOf(store: Store, file: WorkspaceFileDoc, length?: number): Buffer {
  if (file._content !== undefined) return Buffer.from(file._content, 'base64').subarray(0, length)
  return fileBytes(store).get(fileKey(file), length) ?? Buffer.alloc(0)
}

/** The bytes of an uploaded file of the caller's workspace (e.g. for batches of kind file). */
export function readUploadedFile(ctx: Ctx, s3Filename: string): Buffer | undefined {
  const file = lookup<WorkspaceFileDoc>(ctx, 'workspaceFile', s3Filename)
  return file ? bytesOf(ctx.store, file) : undefined
}

function storeFile(ctx: Ctx, file: { name: string; contentType: string; bytes: Buffer }, s3Filename = `${randomUUID()}-${file.name}`) {
  const doc: WorkspaceFileDoc = {
    uuid: s3Filename,
    workspaceUuid: ctx.workspaceUuid,
    s3Filename,
    name: file.name,
    contentType: file.contentType,
    size: file.bytes.length,
    createdAt: iso(ctx.now),
  }
  fileBytes(ctx.store).put(fileKey(doc), file.bytes)
  save(ctx, 'workspaceFile', doc)
  return { s3Filename, contentType: doc.contentType, name: doc.name }
}

/** The first 64 KiB are enough for a header row; the rest is never read. */
const HEADER_BYTES = 64 * 1024

function openUpload(ctx: Ctx, ids: { s3Filename: string; uploadId: string }): MultipartDoc {
  const upload = lookup<MultipartDoc>(ctx, 'multipartUpload', ids.uploadId)
  if (!upload || upload.s3Filename !== ids.s3Filename) throw notFound('upload')
  if (upload.status !== 'open') throw badRequest('uploadNotOpen', `This multipart upload is ${upload.status}`)
  return upload
}

function partsOf(store: Store, upload: MultipartDoc): PartDoc[] {
  return store.find<PartDoc>('multipartPart', upload.workspaceUuid, { uploadId: upload.uuid })
}

function closeUpload(ctx: Ctx, upload: MultipartDoc, status: MultipartDoc['status']): void {
  for (const part of partsOf(ctx.store, upload)) {
    ctx.store.remove('multipartPart', part.uuid)
    fileBytes(ctx.store).remove(partKey(upload.uuid, part.partNumber))
  }
  save(ctx, 'multipartUpload', { ...upload, status })
}

function completeUpload(ctx: Ctx, payload: { s3Filename: string; uploadId: string; parts: Array<{ partNumber: number; etag: string }> }) {
  const upload = openUpload(ctx, payload)
  const stored = new Map(partsOf(ctx.store, upload).map((part) => [part.partNumber, part]))
  const chunks = payload.parts.map(({ partNumber, etag }, index) => {
    if (index > 0 && partNumber <= payload.parts[index - 1].partNumber) throw badRequest('invalidPartOrder', 'parts must be listed by increasing partNumber')
    const part = stored.get(partNumber)
    if (!part || part.etag !== etag) throw badRequest('invalidPart', `Part ${partNumber} was not uploaded, or its etag differs`)
    return fileBytes(ctx.store).get(partKey(upload.uuid, partNumber)) ?? Buffer.alloc(0)
  })
  storeFile(ctx, { name: upload.filename ?? upload.s3Filename, contentType: upload.contentType, bytes: Buffer.concat(chunks) }, upload.s3Filename)
  closeUpload(ctx, upload, 'completed')
  return { s3Filename: upload.s3Filename }
}

const plainResponse = (status: number, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * PUT <S3_PATH><s3Filename>/<uploadId>/<partNumber>?X-Amz-Signature=…: stores one part and answers its
 * ETag, as S3 does for a presigned part URL. Called by emulator.ts outside the /v1 routes, without auth.
 */
export function receivePart(store: Store, url: URL, bytes: Buffer): Response {
  const [s3Filename, uploadId, partText] = url.pathname.slice(S3_PATH.length).split('/').map(decodeURIComponent)
  if (!url.searchParams.get('X-Amz-Signature')) return plainResponse(403, 'AccessDenied: the URL is not signed')
  const upload = uploadId ? store.get<MultipartDoc>('multipartUpload', uploadId) : undefined
  const partNumber = Number(partText)
  if (!upload || upload.s3Filename !== s3Filename || upload.status !== 'open' || !Number.isInteger(partNumber) || partNumber < 1) {
    return plainResponse(404, 'NoSuchUpload: the upload does not exist, or was completed or aborted')
  }
  const etag = `"${createHash('md5').update(bytes).digest('hex')}"`
  const part: PartDoc = { uuid: `${uploadId}:${partNumber}`, uploadId, partNumber, etag }
  fileBytes(store).put(partKey(uploadId, partNumber), bytes)
  store.put('multipartPart', part, upload.workspaceUuid)
  return new Response(null, { status: 200, headers: { etag } })
}

/** A date or datetime as the server stores it; the pattern check lets through months like 13. */
function isoOf(text: string): string {
  const ms = Date.parse(text)
  if (Number.isNaN(ms)) throw badRequest('invalidPayload', `Not a date: ${text}`)
  return iso(ms)
}

// ---------------------------------------------------------------------------------------------

export const workspaceHandlers = [
  on(api.getCurrentWorkspace, (ctx) => ({ workspace: publicView(mustGet<StoredDoc>(ctx, 'workspace', ctx.workspaceUuid, 'workspace')) })),
  // workspaces
  on(api.listWorkspaces, (ctx) => {
    const uuids = ctx.store.find<MemberDoc>('member', undefined, { userUuid: ctx.userUuid }).map((member) => member.workspaceUuid)
    return { workspaces: [...new Set([ctx.workspaceUuid, ...uuids])].map((uuid) => workspaceView(ctx, uuid)) }
  }),
  on(api.createWorkspace, (ctx, payload) => ({ workspace: publicView(createWorkspace(ctx, payload)) })),
  on(api.updateCurrentWorkspace, (ctx, payload) => ({ workspace: updateWorkspace(ctx, payload) })),

  // members and roles
  on(api.listUsers, (ctx) => ({ users: ctx.store.find<MemberDoc>('member', ctx.workspaceUuid).map((member) => memberView(ctx, member)) })),
  on(api.getCurrentWorkspaceUser, (ctx) => ({ user: memberView(ctx, mustBeMember(ctx, ctx.userUuid)) })),
  on(api.createUser, (ctx, { userEmail, roleSlug }) => {
    const role = roleBySlug(ctx, roleSlug)
    const user = userByEmail(ctx, userEmail, () => badRequest('invalidUserEmail'))
    if (memberOf(ctx, user.uuid)) throw badRequest('userAlreadyInWorkspace', `${user.email} is already a member of this workspace`)
    addMember(ctx, ctx.workspaceUuid, user.uuid, role.uuid)
  }),
  on(api.updateUser, (ctx, { userUuid, roleSlug }) => {
    const member = mustBeMember(ctx, userUuid)
    const role = roleBySlug(ctx, roleSlug)
    if (role.slug !== 'admin') keepAnAdmin(ctx, member)
    save(ctx, 'member', { ...member, roleUuid: role.uuid })
  }),
  on(api.removeUser, (ctx, { userUuid }) => {
    const member = mustBeMember(ctx, userUuid)
    keepAnAdmin(ctx, member)
    ctx.store.remove('member', member.uuid)
    // the member's tokens give no access to this workspace any more
    for (const token of live<TokenDoc>(ctx, 'token', { userUuid })) save(ctx, 'token', { ...token, deletedAt: iso(ctx.now) })
  }),
  on(api.upsertUserPermission, (ctx, { userUuids = [], emails = [], ...grant }) => {
    const unknown = userUuids.filter((uuid) => !memberOf(ctx, uuid))
    if (unknown.length > 0) throw badRequest('failedToUpsertPermissions', `No member with UUID ${unknown.join(', ')} in this workspace`)
    const invited = emails.map((email) => {
      const user = userByEmail(ctx, email, () => badRequest('failedToCreateUsers', `Not an email address: ${email}`))
      return memberOf(ctx, user.uuid) ?? addMember(ctx, ctx.workspaceUuid, user.uuid, (lookup<StoredDoc>(ctx, 'workspace', ctx.workspaceUuid)?.defaultRoleUuid as string) ?? null)
    })
    for (const member of [...userUuids.map((uuid) => memberOf(ctx, uuid) as MemberDoc), ...invited]) {
      save(ctx, 'member', { ...member, permissions: upsertPermission(member.permissions, grant) })
    }
  }),
  on(api.removeUserPermission, (ctx, { userUuid, resourceUuid, effect }) => {
    const member = mustBeMember(ctx, userUuid)
    save(ctx, 'member', { ...member, permissions: withoutResource(member.permissions, resourceUuid, effect) })
  }),
  on(api.listRoles, (ctx) => ({ roles: live<RoleDoc>(ctx, 'role').map(publicView) })),

  // tokens
  on(api.listTokens, (ctx) => ({ tokens: live<TokenDoc>(ctx, 'token').map((token) => tokenView(token)) })),
  on(api.createToken, (ctx, { name, description, permissions }) => {
    const token: TokenDoc = {
      uuid: randomUUID(),
      token: `cargo_${randomBytes(24).toString('base64url')}`,
      name,
      description: description ?? null,
      permissions: permissions ?? null,
      workspaceUuid: ctx.workspaceUuid,
      userUuid: ctx.userUuid,
      createdAt: iso(ctx.now),
      deletedAt: null,
    }
    save(ctx, 'token', token)
    return { token: tokenView(token, true) }
  }),
  on(api.updateToken, (ctx, { uuid, ...changes }) => {
    const token = { ...mustGet<TokenDoc>(ctx, 'token', uuid, 'token'), ...sent(changes, ['name', 'description', 'permissions']) }
    save(ctx, 'token', token)
    return { token: tokenView(token) }
  }),
  on(api.removeToken, (ctx, { uuid }) => {
    save(ctx, 'token', { ...mustGet<TokenDoc>(ctx, 'token', uuid, 'token'), deletedAt: iso(ctx.now) })
  }),

  // folders
  on(api.listFolders, (ctx) => ({ folders: live<FolderDoc>(ctx, 'folder').sort(byOrder).map(publicView) })),
  on(api.getFolder, (ctx, { uuid }) => ({ folder: publicView(mustGet<FolderDoc>(ctx, 'folder', uuid, 'folder')) })),
  on(api.createFolder, (ctx, payload) => {
    const folder: FolderDoc = {
      uuid: randomUUID(),
      parentUuid: payload.parentUuid ?? null,
      kind: payload.kind,
      workspaceUuid: ctx.workspaceUuid,
      name: payload.name,
      emojiSlug: payload.emojiSlug,
      isReadOnly: false,
      deletedAt: null,
      _order: null,
      ...stamps(ctx),
    }
    checkParent(ctx, folder, folder.parentUuid)
    checkName(ctx, folder)
    save(ctx, 'folder', folder)
    return { folder: publicView(folder) }
  }),
  on(api.updateFolder, (ctx, { uuid, order, ...changes }) => {
    const folder = mustGet<FolderDoc>(ctx, 'folder', uuid, 'folder')
    if (folder.isReadOnly) throw badRequest('folderIsReadOnly')
    const updated: FolderDoc = { ...folder, ...sent(changes, ['name', 'emojiSlug', 'parentUuid']), _order: order ?? folder._order, updatedAt: iso(ctx.now) }
    checkParent(ctx, updated, changes.parentUuid)
    checkName(ctx, updated)
    save(ctx, 'folder', updated)
    return { folder: publicView(updated) }
  }),
  on(api.removeFolder, (ctx, { uuid }) => {
    const folder = mustGet<FolderDoc>(ctx, 'folder', uuid, 'folder')
    const contents = contentsOf(ctx, uuid)
    if (contents > 0) throw badRequest('folderNotEmpty', `The folder still holds ${contents} item(s): move or delete them first`)
    save(ctx, 'folder', { ...folder, deletedAt: iso(ctx.now) })
  }),

  // files
  on(api.uploadFile, (ctx) => {
    // emulator.ts reads the files' bytes before the (synchronous) handler runs
    const file = ctx.form?.get('file') as (File & { bytes?: Buffer }) | string | null | undefined
    if (!file || typeof file === 'string' || !file.bytes) throw badRequest('noFile')
    const name = file.name.split(/[\\/]/).pop() || 'file'
    return storeFile(ctx, { name, contentType: file.type || 'application/octet-stream', bytes: file.bytes })
  }),
  on(api.listFileColumns, (ctx, { s3Filename }) => {
    const file = mustGet<WorkspaceFileDoc>(ctx, 'workspaceFile', s3Filename, 'file')
    const names = csvHeader(bytesOf(ctx.store, file, HEADER_BYTES).toString('utf8'))
    if (names.length === 0) throw badRequest('noColumnsFound')
    return { columns: names.map((name) => ({ type: 'string', name })) }
  }),
  on(api.startMultipartUpload, (ctx, { contentType, filename }) => {
    const upload: MultipartDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      s3Filename: `${randomUUID()}-${filename ?? 'file'}`,
      contentType,
      filename: filename ?? null,
      status: 'open',
      createdAt: iso(ctx.now),
    }
    save(ctx, 'multipartUpload', upload)
    return { s3Filename: upload.s3Filename, uploadId: upload.uuid }
  }),
  on(api.signMultipartUploadPart, (ctx, { partNumber, ...ids }) => {
    const upload = openUpload(ctx, ids)
    const signature = randomBytes(16).toString('hex')
    return { url: `${ctx.origin}${S3_PATH}${encodeURIComponent(upload.s3Filename)}/${upload.uuid}/${partNumber}?X-Amz-Signature=${signature}` }
  }),
  on(api.completeMultipartUpload, completeUpload),
  on(api.abortMultipartUpload, (ctx, ids) => {
    const upload = lookup<MultipartDoc>(ctx, 'multipartUpload', ids.uploadId)
    if (!upload || upload.s3Filename !== ids.s3Filename) throw notFound('upload')
    if (upload.status === 'completed') throw badRequest('uploadNotOpen', 'This multipart upload is completed')
    closeUpload(ctx, upload, 'aborted')
  }),

  // reports and sessions
  on(api.createReport, (ctx, payload) => {
    const report = { uuid: randomUUID(), userUuid: ctx.userUuid, workspaceUuid: ctx.workspaceUuid, ...payload, createdAt: iso(ctx.now) }
    save(ctx, 'report', report)
    return { report }
  }),
  on(api.upsertSession, (ctx, { sessionId, finishedAt, ...texts }) => {
    const known = ctx.store.findOne<StoredDoc>('session', ctx.workspaceUuid, { sessionId })
    const session = {
      uuid: randomUUID(),
      sessionId,
      userUuid: ctx.userUuid,
      workspaceUuid: ctx.workspaceUuid,
      createdAt: iso(ctx.now),
      finishedAt: null,
      ...known,
      ...texts,
      ...(finishedAt ? { finishedAt: isoOf(finishedAt) } : {}),
    }
    save(ctx, 'session', session)
    return { session }
  }),
]
