import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as users from '../../src/api/endpoints/user-management.js'
import * as api from '../../src/api/endpoints/workspace-management.js'
import { handlers } from '../../src/emulator/domains/index.js'
import { SEED } from '../../src/emulator/index.js'
import { WORKSPACE_SEED } from '../../src/emulator/domains/workspace-management/seed.js'
import { type Answer, Harness, ORIGIN, checkedEndpoints, expectFaithful } from './harness.js'

/**
 * The emulated workspaceManagement and userManagement domains through `handle()`: every successful answer
 * is checked against the client's result schema by the harness.
 */

const { grace, folders, companiesCsv } = WORKSPACE_SEED
const RESOURCE = '1a2b3c4d-5e6f-4081-92a3-b4c5d6e7f809'

let h: Harness
beforeAll(() => {
  h = new Harness()
})
afterAll(() => h.close())

const members = async () => (await h.ok(api.listUsers, {})).users as Array<Record<string, any>>
const memberByEmail = async (email: string) => (await members()).find((user) => user.email === email)

async function send(request: Request, faithfulTo?: typeof api.uploadFile): Promise<Answer> {
  const response = await h.emulator.handle(request)
  const text = await response.text()
  const body = text ? JSON.parse(text) : undefined
  if (response.status === 200 && faithfulTo) expectFaithful(faithfulTo, body)
  return { status: response.status, body }
}

function uploadForm(form: FormData): Promise<Answer> {
  const headers = { authorization: `Bearer ${SEED.token}`, 'selected-workspace-uuid': SEED.workspaceUuid }
  return send(new Request(`${ORIGIN}/v1/workspaceManagement/files/upload`, { method: 'POST', headers, body: form }), api.uploadFile)
}

function uploadFile(name: string, content: string, type = 'text/csv'): Promise<Answer> {
  const form = new FormData()
  form.append('file', new Blob([content], { type }), name)
  return uploadForm(form)
}

const putPart = (url: string, content: string) => h.emulator.handle(new Request(url, { method: 'PUT', body: content }))

describe('members, roles and permissions', () => {
  it('lists the seeded members with their role objects and own permissions', async () => {
    const list = await members()
    expect(list.map((user) => [user.email, user.role?.slug, user.workspaceUuid])).toEqual([
      [SEED.userEmail, 'admin', SEED.workspaceUuid],
      [grace.email, 'member', SEED.workspaceUuid],
    ])
    expect(list[0]).toMatchObject({ uuid: SEED.userUuid, firstName: 'Ada', lastName: 'Emulator', picture: null, permissions: [] })
    expect(list[1].permissions).toEqual([{ effect: 'deny', resources: [SEED.folders.plays], actions: ['orchestration:workflow:write'] }])
    expect(Object.keys(list[0]).filter((key) => key.startsWith('_'))).toEqual([])
    expect((await h.ok(api.getCurrentWorkspaceUser, {})).user).toMatchObject({ uuid: SEED.userUuid, role: { slug: 'admin' } })
    expect((await h.ok(api.listRoles, {})).roles.map((role: { slug: string }) => role.slug)).toEqual(['admin', 'member'])
  })

  it('invites by email with a role slug, once', async () => {
    expect(await h.call(api.createUser, { userEmail: 'Lin@Example.com ', roleSlug: 'member' })).toEqual({ status: 200, body: {} })
    expect(await memberByEmail('lin@example.com')).toMatchObject({ firstName: null, lastSignInAt: null, role: { slug: 'member' } })
    expect(await h.call(api.createUser, { userEmail: 'lin@example.com', roleSlug: 'admin' })).toEqual({
      status: 400,
      body: { reason: 'userAlreadyInWorkspace', errorMessage: 'lin@example.com is already a member of this workspace' },
    })
    expect(await h.call(api.createUser, { userEmail: 'x@example.com', roleSlug: 'owner' })).toEqual({
      status: 404,
      body: { reason: 'roleNotFound', errorMessage: 'No role "owner" in this workspace (see workspaceManagement role list)' },
    })
    expect(await h.call(api.createUser, { userEmail: 'not-an-email', roleSlug: 'member' })).toMatchObject({ status: 400, body: { reason: 'invalidUserEmail' } })
  })

  it('keeps at least one admin, and changes roles by slug', async () => {
    expect(await h.call(api.updateUser, { userUuid: SEED.userUuid, roleSlug: 'member' })).toMatchObject({ status: 400, body: { reason: 'lastAdmin' } })
    expect(await h.call(api.removeUser, { userUuid: SEED.userUuid })).toMatchObject({ status: 400, body: { reason: 'lastAdmin' } })
    await h.ok(api.updateUser, { userUuid: grace.uuid, roleSlug: 'admin' })
    expect((await memberByEmail(grace.email))?.role.slug).toBe('admin')
    await h.ok(api.updateUser, { userUuid: grace.uuid, roleSlug: 'member' })
    expect(await h.call(api.updateUser, { userUuid: RESOURCE, roleSlug: 'member' })).toEqual({ status: 404, body: { reason: 'userNotFound' } })
  })

  it('upserts permissions by uuid and by email (adding unknown people), flipping allow and deny', async () => {
    await h.ok(api.upsertUserPermission, { userUuids: [grace.uuid], action: 'orchestration:workflow:write', resourceUuid: SEED.folders.plays, effect: 'allow' })
    await h.ok(api.upsertUserPermission, { userUuids: [grace.uuid], action: 'storage:read', resourceUuid: SEED.folders.plays, effect: 'allow' })
    expect((await memberByEmail(grace.email))?.permissions).toEqual([
      { effect: 'allow', resources: [SEED.folders.plays], actions: ['orchestration:workflow:write', 'storage:read'] },
    ])
    await h.ok(api.upsertUserPermission, { emails: ['new.person@example.com'], action: 'storage:read', resourceUuid: RESOURCE, effect: 'deny' })
    expect(await memberByEmail('new.person@example.com')).toMatchObject({ role: { slug: 'member' }, permissions: [{ effect: 'deny', resources: [RESOURCE], actions: ['storage:read'] }] })
    expect(await h.call(api.upsertUserPermission, { userUuids: [RESOURCE], action: 'storage:read', resourceUuid: RESOURCE, effect: 'allow' })).toEqual({
      status: 400,
      body: { reason: 'failedToUpsertPermissions', errorMessage: `No member with UUID ${RESOURCE} in this workspace` },
    })
    expect(await h.call(api.upsertUserPermission, { action: 'storage:read', resourceUuid: RESOURCE, effect: 'allow' })).toMatchObject({ status: 400 })

    await h.ok(api.removeUserPermission, { userUuid: grace.uuid, resourceUuid: SEED.folders.plays, effect: 'allow' })
    expect((await memberByEmail(grace.email))?.permissions).toEqual([])
    expect(await h.call(api.removeUserPermission, { userUuid: RESOURCE, resourceUuid: RESOURCE, effect: 'deny' })).toEqual({ status: 404, body: { reason: 'userNotFound' } })
  })

  it('a removed member loses the access of their tokens', async () => {
    const asGrace = { token: grace.token }
    expect((await h.call(api.listRoles, {}, asGrace)).status).toBe(200)
    await h.ok(api.removeUser, { userUuid: grace.uuid })
    expect(await memberByEmail(grace.email)).toBeUndefined()
    expect(await h.call(api.listRoles, {}, asGrace)).toEqual({ status: 401, body: { errorMessage: 'Unauthorized' } })
  })
})

describe('tokens', () => {
  it('shows a new token whole once, masked afterwards; it works until removed', async () => {
    const { token } = await h.ok(api.createToken, { name: 'CI', description: null, permissions: null })
    expect(token).toMatchObject({ name: 'CI', description: null, permissions: null, userUuid: SEED.userUuid, deletedAt: null })
    expect(token.token).toMatch(/^cargo_[\w-]{32}$/)
    const listed = (await h.ok(api.listTokens, {})).tokens.find((item: { uuid: string }) => item.uuid === token.uuid)
    expect(listed.token).toBe(`${token.token.slice(0, 6)}…${token.token.slice(-4)}`)
    expect((await h.ok(api.listTokens, {})).tokens.map((item: { name: string }) => item.name)).toEqual(['Emulator token', 'CI'])

    const permissions = [{ effect: 'allow' as const, resources: null, actions: ['storage:read'] }]
    const updated = (await h.ok(api.updateToken, { uuid: token.uuid, name: 'CI (read only)', permissions })).token
    expect(updated).toMatchObject({ name: 'CI (read only)', permissions, token: listed.token })

    expect((await h.call(api.listFolders, {}, { token: token.token })).status).toBe(200)
    expect(await h.call(api.removeToken, { uuid: token.uuid })).toEqual({ status: 200, body: {} })
    expect(await h.call(api.listFolders, {}, { token: token.token })).toEqual({ status: 401, body: { errorMessage: 'Unauthorized' } })
    expect(await h.call(api.removeToken, { uuid: token.uuid })).toMatchObject({ status: 404, body: { reason: 'tokenNotFound' } })
    expect((await h.ok(api.listTokens, {})).tokens.map((item: { uuid: string }) => item.uuid)).toEqual([SEED.tokenUuid])
  })

  it('needs a name', async () => {
    expect(await h.call(api.createToken, { permissions: null } as never)).toEqual({ status: 400, body: { reason: 'invalidPayload', errorMessage: 'Invalid payload: name: Invalid input: expected string, received undefined' } })
  })
})

describe('folders', () => {
  it('lists the seeded folders, creates, nests and reorders them', async () => {
    expect((await h.ok(api.listFolders, {})).folders.map((folder: { name: string }) => folder.name)).toEqual(['Tools', 'Plays', 'Assistants', 'Q1 campaigns', 'Apps', 'Workers'])
    const { folder } = await h.ok(api.createFolder, { name: 'Outbound', emojiSlug: 'rocket', kind: 'play', parentUuid: folders.campaigns })
    expect(folder).toMatchObject({ parentUuid: folders.campaigns, kind: 'play', isReadOnly: false, deletedAt: null })
    expect(Object.keys(folder)).not.toContain('_order')
    expect(await h.call(api.createFolder, { name: 'outbound ', emojiSlug: 'x', kind: 'play', parentUuid: folders.campaigns })).toEqual({ status: 400, body: { reason: 'duplicateName' } })
    expect((await h.call(api.createFolder, { name: 'Elsewhere', emojiSlug: 'x', kind: 'tool', parentUuid: folders.campaigns })).body).toEqual({
      reason: 'invalidParent',
      errorMessage: 'The parent folder holds plays, not tools',
    })
    expect(await h.call(api.updateFolder, { uuid: SEED.folders.plays, parentUuid: folder.uuid })).toMatchObject({ status: 400, body: { errorMessage: 'A folder cannot move under itself' } })

    await h.ok(api.updateFolder, { uuid: folders.agents, order: 0 })
    expect((await h.ok(api.listFolders, {})).folders[0].uuid).toBe(folders.agents)
    const moved = (await h.ok(api.updateFolder, { uuid: folder.uuid, parentUuid: null, name: 'Outbound 2025' })).folder
    expect(moved).toMatchObject({ parentUuid: null, name: 'Outbound 2025' })
    expect((await h.ok(api.getFolder, { uuid: folder.uuid })).folder).toEqual(moved)
  })

  it('removes only empty folders', async () => {
    expect(await h.call(api.removeFolder, { uuid: SEED.folders.tools })).toEqual({
      status: 400,
      body: { reason: 'folderNotEmpty', errorMessage: expect.stringMatching(/^The folder still holds \d+ item\(s\): move or delete them first$/) },
    })
    await h.ok(api.removeFolder, { uuid: folders.agents })
    expect(await h.call(api.getFolder, { uuid: folders.agents })).toEqual({ status: 404, body: { reason: 'folderNotFound' } })
    expect(await h.call(api.removeFolder, { uuid: folders.agents })).toEqual({ status: 404, body: { reason: 'folderNotFound' } })
  })
})

describe('files', () => {
  it('stores an uploaded file and lists the columns of its header row', async () => {
    const upload = await uploadFile('leads.csv', '\uFEFF"Company, Inc.",domain, "say ""hi"""\r\nAcme,acme.com,x\r\n')
    expect(upload.status).toBe(200)
    expect(upload.body).toEqual({ s3Filename: expect.stringMatching(/^[0-9a-f-]{36}-leads\.csv$/), contentType: 'text/csv', name: 'leads.csv' })
    expect((await h.ok(api.listFileColumns, { s3Filename: upload.body.s3Filename })).columns).toEqual([
      { type: 'string', name: 'Company, Inc.' },
      { type: 'string', name: 'domain' },
      { type: 'string', name: 'say "hi"' },
    ])
    const seeded = await h.ok(api.listFileColumns, { s3Filename: companiesCsv.s3Filename })
    expect(seeded.columns.map((column: { name: string }) => column.name)).toEqual(companiesCsv.columns)
  })

  it('refuses a form without a file, a file without a header, and unknown names', async () => {
    const form = new FormData()
    form.append('note', 'no file here')
    expect(await uploadForm(form)).toEqual({ status: 400, body: { reason: 'noFile' } })
    const empty = await uploadFile('empty.csv', '\n\n', '')
    expect(empty.body.contentType).toBe('application/octet-stream')
    expect(await h.call(api.listFileColumns, { s3Filename: empty.body.s3Filename })).toEqual({ status: 400, body: { reason: 'noColumnsFound' } })
    expect(await h.call(api.listFileColumns, { s3Filename: 'nope.csv' })).toMatchObject({ status: 404, body: { reason: 'fileNotFound' } })
  })

  it('assembles a multipart upload from parts PUT to its signed URLs', async () => {
    const { s3Filename, uploadId } = await h.ok(api.startMultipartUpload, { contentType: 'text/csv', filename: 'big file.csv' })
    expect(s3Filename).toMatch(/-big file\.csv$/)
    const ids = { s3Filename, uploadId }
    const parts = []
    for (const [index, content] of ['name,dom', 'ain\nAcme,acme.com\n'].entries()) {
      const { url } = await h.ok(api.signMultipartUploadPart, { ...ids, partNumber: index + 1 })
      expect(url).toMatch(new RegExp(`^${ORIGIN}/__emulator/s3/${encodeURIComponent(s3Filename)}/${uploadId}/${index + 1}\\?X-Amz-Signature=[0-9a-f]{32}$`))
      const response = await putPart(url, content)
      expect(response.status).toBe(200)
      parts.push({ partNumber: index + 1, etag: response.headers.get('etag') as string })
    }
    expect(parts[0].etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(await h.call(api.completeMultipartUpload, { ...ids, parts: [...parts].reverse() })).toMatchObject({ status: 400, body: { reason: 'invalidPartOrder' } })
    expect(await h.call(api.completeMultipartUpload, { ...ids, parts: [{ ...parts[0], etag: '"x"' }, parts[1]] })).toMatchObject({ status: 400, body: { reason: 'invalidPart' } })
    expect(await h.ok(api.completeMultipartUpload, { ...ids, parts })).toEqual({ s3Filename })
    expect((await h.ok(api.listFileColumns, { s3Filename })).columns).toEqual([{ type: 'string', name: 'name' }, { type: 'string', name: 'domain' }])
    expect(await h.call(api.signMultipartUploadPart, { ...ids, partNumber: 3 })).toMatchObject({ status: 400, body: { reason: 'uploadNotOpen' } })
  })

  it('refuses unsigned or stale part URLs, and aborts', async () => {
    const { s3Filename, uploadId } = await h.ok(api.startMultipartUpload, { contentType: 'application/octet-stream' })
    const ids = { s3Filename: s3Filename as string, uploadId: uploadId as string }
    const { url } = await h.ok(api.signMultipartUploadPart, { ...ids, partNumber: 1 })
    expect((await putPart(url.replace(/\?.*$/, ''), 'x')).status).toBe(403)
    expect(await h.call(api.abortMultipartUpload, ids)).toEqual({ status: 200, body: {} })
    expect((await putPart(url, 'x')).status).toBe(404)
    expect(await h.call(api.abortMultipartUpload, { ...ids, uploadId: 'unknown' })).toMatchObject({ status: 404, body: { reason: 'uploadNotFound' } })
  })
})

describe('workspaces, the current user, reports and sessions', () => {
  it('creates a workspace with you as admin; lists it; API tokens stay scoped to their own', async () => {
    const { workspace } = await h.ok(api.createWorkspace, { name: 'Acme Sales', metadata: { mainGoal: ['enrichment'] } })
    expect(workspace).toMatchObject({ name: 'Acme Sales', metadata: { mainGoal: ['enrichment'] }, logoUrl: null, syncs: [] })
    expect((await h.ok(api.listWorkspaces, {})).workspaces.map((item: { name: string }) => item.name)).toEqual(['Emulator workspace', 'Acme Sales'])
    expect((await h.call(api.getCurrentWorkspace, {}, { workspaceUuid: workspace.uuid })).status).toBe(403)
  })

  it('updates the current workspace: only the given fields, syncs scheduled, null clears', async () => {
    const { workspace } = await h.ok(api.updateCurrentWorkspace, { name: 'Renamed', syncs: [{ domain: 'storage', cron: '0 * * * *' }], logoBase64: 'aGk=' })
    expect(workspace).toMatchObject({ name: 'Renamed', allowedEmailDomains: ['emulator.local'], logoUrl: 'data:image/png;base64,aGk=' })
    expect(workspace.syncs).toEqual([{ domain: 'storage', cron: '0 * * * *', temporalScheduleWorkflowId: expect.stringMatching(/^schedule-/) }])
    expect((await h.ok(api.updateCurrentWorkspace, { logoBase64: null, openAiApiKey: 'sk-1' })).workspace).toMatchObject({ name: 'Renamed', logoUrl: null })
    expect(JSON.stringify(await h.ok(api.getCurrentWorkspace, {}))).not.toContain('sk-1')
    expect(await h.call(api.updateCurrentWorkspace, { syncs: [{ domain: 'ai', cron: 'hourly' }] })).toMatchObject({ status: 400, body: { reason: 'failedToScheduleSync' } })
    expect(await h.call(api.updateCurrentWorkspace, { defaultRoleUuid: RESOURCE })).toEqual({ status: 404, body: { reason: 'roleNotFound', errorMessage: 'Role not found.' } })
  })

  it('updates your own profile (userManagement)', async () => {
    expect(await h.call(users.updateCurrentUser, { lastName: 'Lovelace', webExtensionData: { timezone: 'Europe/London' } })).toEqual({ status: 200, body: {} })
    expect((await h.ok(users.getCurrentUser, {})).user).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', webExtensionData: { timezone: 'Europe/London' } })
  })

  it('files reports, and upserts sessions by their id', async () => {
    const { report } = await h.ok(api.createReport, { title: 'Upload fails', description: 'Ran workspaceManagement file upload' })
    expect(report).toMatchObject({ title: 'Upload fails', userUuid: SEED.userUuid, workspaceUuid: SEED.workspaceUuid })
    const first = (await h.ok(api.upsertSession, { sessionId: 's-1', title: 'Enrich', summary: 'Started' })).session
    expect(first.finishedAt).toBeNull()
    const second = (await h.ok(api.upsertSession, { sessionId: 's-1', title: 'Enrich', summary: 'Done', finishedAt: '2025-06-01' })).session
    expect(second).toEqual({ ...first, summary: 'Done', finishedAt: '2025-06-01T00:00:00.000Z' })
    expect(await h.call(api.upsertSession, { sessionId: 's-2', title: 'T', summary: 'S', finishedAt: '2025-13-45' })).toEqual({ status: 400, body: { reason: 'invalidPayload', errorMessage: 'Not a date: 2025-13-45' } })
  })
})

describe('coverage', () => {
  it('called every emulated workspaceManagement and userManagement endpoint', () => {
    const missing = [...handlers.keys()].filter((name) => /^(workspaceManagement|userManagement)\./.test(name) && !checkedEndpoints.has(name))
    expect(missing).toEqual([])
    expect([...handlers.keys()].filter((name) => /^(workspaceManagement|userManagement)\./.test(name))).toHaveLength(31)
  })
})
