/**
 * The traps of spec/commands/workspace.json, by hand: exact requests and outputs where the table's
 * generic samples would not show the difference.
 */
import { describe, expect, it } from 'vitest'
import { requests, stubApi } from '../../support/api-stub.js'
import { TEST_WORKSPACE, runCommand } from '../../support/run-command.js'
import { expectApiHeaders, expectSuccess, loadCommand, pick, printed } from '../../support/spec-table.js'
import { permissionsSample, tokenAnswer } from '../../fixtures/workspace.js'

const USER = '6f1e2d3c-4b5a-4968-8776-655443322110'
const RESOURCE = '1a2b3c4d-5e6f-4081-92a3-b4c5d6e7f809'
const run = async (id: string, argv: string[]) => runCommand(await loadCommand(id), argv)

/** A refusal before any request: exit 2 and the message. */
async function expectUsageError(id: string, argv: string[], message: RegExp) {
  const result = await run(id, argv)
  expect(result.exitCode).toBe(2)
  expect(result.json().errorMessage).toMatch(message)
  expect(requests).toEqual([])
}

describe('members are named by role slug, and removed with a DELETE body', () => {
  it('user create sends {userEmail, roleSlug}; a role uuid flag does not exist', async () => {
    stubApi('POST', '/v1/workspaceManagement/users', undefined)
    expectSuccess(await run('workspaceManagement user create', ['--user-email', 'ana@acme.com', '--role-slug', 'member']), '{}\n')
    expect(requests.map(pick)).toEqual([{ method: 'POST', path: '/v1/workspaceManagement/users', query: '', body: { userEmail: 'ana@acme.com', roleSlug: 'member' } }])
    requests.length = 0
    await expectUsageError('workspaceManagement user create', ['--user-email', 'ana@acme.com', '--role-uuid', USER], /role-uuid/)
  })

  it('user update puts the member in the path and only {roleSlug} in the body', async () => {
    stubApi('PUT', `/v1/workspaceManagement/users/${USER}`, undefined)
    expectSuccess(await run('workspaceManagement user update', ['--user-uuid', USER, '--role-slug', 'admin']), '{}\n')
    expect(requests.map(pick)).toEqual([{ method: 'PUT', path: `/v1/workspaceManagement/users/${USER}`, query: '', body: { roleSlug: 'admin' } }])
  })

  it('user remove sends DELETE on the collection with the JSON body {userUuid}', async () => {
    stubApi('DELETE', '/v1/workspaceManagement/users', undefined)
    expectSuccess(await run('workspaceManagement user remove', ['--user-uuid', USER]), '{}\n')
    expect(requests.map(pick)).toEqual([{ method: 'DELETE', path: '/v1/workspaceManagement/users', query: '', body: { userUuid: USER } }])
    expectApiHeaders(requests[0])
  })

  it('user remove-permission sends DELETE …/users/{userUuid}/permissions with {resourceUuid, effect}', async () => {
    stubApi('DELETE', `/v1/workspaceManagement/users/${USER}/permissions`, undefined)
    expectSuccess(await run('workspaceManagement user remove-permission', ['--user-uuid', USER, '--resource-uuid', RESOURCE, '--effect', 'deny']), '{}\n')
    expect(requests.map(pick)).toEqual([
      { method: 'DELETE', path: `/v1/workspaceManagement/users/${USER}/permissions`, query: '', body: { resourceUuid: RESOURCE, effect: 'deny' } },
    ])
    expect(requests[0].headers['content-type']).toBe('application/json')
  })

  it('user upsert-permission needs users by uuid or email, and a known scope', async () => {
    const base = ['--resource-uuid', RESOURCE, '--effect', 'allow']
    await expectUsageError('workspaceManagement user upsert-permission', [...base, '--action', 'storage:read'], /--user-uuids: give userUuids or emails/)
    await expectUsageError('workspaceManagement user upsert-permission', [...base, '--emails', 'a@acme.com', '--action', 'storage:admin'], /storage:admin/)
    stubApi('POST', '/v1/workspaceManagement/users/permissions', undefined)
    expectSuccess(await run('workspaceManagement user upsert-permission', [...base, '--emails', 'a@acme.com,b@acme.com', '--action', 'ai:agent:write']), '{}\n')
    expect(requests[0].body).toEqual({ emails: ['a@acme.com', 'b@acme.com'], action: 'ai:agent:write', resourceUuid: RESOURCE, effect: 'allow' })
  })

  it('maps the reason of a refused call to its message (exit 1)', async () => {
    stubApi('PUT', `/v1/workspaceManagement/users/${USER}`, { reason: 'userNotFound' }, 404)
    const result = await run('workspaceManagement user update', ['--user-uuid', USER, '--role-slug', 'admin'])
    expect(result.exitCode).toBe(1)
    expect(result.json()).toEqual({ errorMessage: 'No member with this UUID exists in the workspace.', reason: 'userNotFound', status: 404 })
  })
})

describe('current-user goes to userManagement, without the workspace header', () => {
  it.each([
    ['user-management user get-current', [], 'GET', { user: { uuid: USER, email: 'ada@acme.com', firstName: null } }, undefined],
    ['user-management user update', ['--first-name', 'Ada', '--web-extension-data', '{"timezone":"Europe/Paris"}'], 'PUT', undefined, { firstName: 'Ada', webExtensionData: { timezone: 'Europe/Paris' } }],
  ])('%s', async (id, argv, method, answer, body) => {
    stubApi(method, '/v1/userManagement/users/current', answer)
    const result = await run(id, argv)
    expectSuccess(result, answer ? printed({ user: { uuid: USER, email: 'ada@acme.com' } }) : '{}\n')
    expect(requests.map(pick)).toEqual([{ method, path: '/v1/userManagement/users/current', query: '', body }])
    expect(requests[0].headers['selected-workspace-uuid']).toBeUndefined()
    expect(requests[0].headers.authorization).toBeDefined()
  })

  it('while workspaceManagement user get-current sends it', async () => {
    stubApi('GET', '/v1/workspaceManagement/users/current', { user: { uuid: USER, email: 'ada@acme.com', role: null } })
    expectSuccess(await run('workspaceManagement user get-current', []), printed({ user: { uuid: USER, email: 'ada@acme.com' } }))
    expect(requests[0].headers['selected-workspace-uuid']).toBe(TEST_WORKSPACE)
  })
})

describe('token create', () => {
  it('--name alone sends permissions: null (the creator\'s own), and prints the token value', async () => {
    stubApi('POST', '/v1/workspaceManagement/tokens', { token: tokenAnswer })
    const result = await run('workspaceManagement token create', ['--name', 'CI/CD pipeline'])
    expectSuccess(result, printed({ token: { ...tokenAnswer, description: undefined, permissions: undefined, deletedAt: undefined } }))
    expect(result.json().token.token).toBe(tokenAnswer.token)
    expect(requests.map(pick)).toEqual([{ method: 'POST', path: '/v1/workspaceManagement/tokens', query: '', body: { name: 'CI/CD pipeline', permissions: null } }])
  })

  it('requires --name before any request; the older --from-user still parses and means permissions: null', async () => {
    await expectUsageError('workspaceManagement token create', ['--from-user'], /Missing required flag --name/)
    expect(requests).toEqual([])
    stubApi('POST', '/v1/workspaceManagement/tokens', { token: tokenAnswer })
    await run('workspaceManagement token create', ['--name', 'ci', '--from-user'])
    expect(requests[0].body).toEqual({ name: 'ci', permissions: null })
  })

  it('sends the given name and permissions as they are', async () => {
    stubApi('POST', '/v1/workspaceManagement/tokens', { token: tokenAnswer })
    await run('workspaceManagement token create', ['--name', 'ci', '--permissions', JSON.stringify(permissionsSample)])
    expect(requests[0].body).toEqual({ name: 'ci', permissions: permissionsSample })
  })

  it('refuses unknown scopes', async () => {
    const bad = JSON.stringify([{ effect: 'allow', resources: null, actions: ['everything'] }])
    await expectUsageError('workspaceManagement token create', ['--name', 'x', '--permissions', bad], /--permissions\[0\]\.actions\[0\]/)
  })

  it('token update --permissions null mirrors the user again', async () => {
    stubApi('PATCH', `/v1/workspaceManagement/tokens/${USER}`, { token: tokenAnswer })
    await run('workspaceManagement token update', ['--uuid', USER, '--permissions', 'null'])
    expect(requests.map(pick)).toEqual([{ method: 'PATCH', path: `/v1/workspaceManagement/tokens/${USER}`, query: '', body: { permissions: null } }])
  })
})

describe('folders', () => {
  it('folder update --parent-uuid null moves the folder to the top level; only given fields are sent', async () => {
    stubApi('PUT', `/v1/workspaceManagement/folders/${USER}`, { folder: { uuid: USER, parentUuid: null } })
    await run('workspaceManagement folder update', ['--uuid', USER, '--parent-uuid', 'null', '--order', '2'])
    expect(requests.map(pick)).toEqual([{ method: 'PUT', path: `/v1/workspaceManagement/folders/${USER}`, query: '', body: { parentUuid: null, order: 2 } }])
  })

  it('folder create offers the API kinds, not only the documented four', async () => {
    await expectUsageError('workspaceManagement folder create', ['--name', 'x', '--emoji-slug', 'star', '--kind', 'dashboard'], /kind/)
    stubApi('POST', '/v1/workspaceManagement/folders', { folder: { uuid: USER } })
    await run('workspaceManagement folder create', ['--name', 'Servers', '--emoji-slug', 'star', '--kind', 'mcpServer'])
    expect(requests[0].body).toEqual({ name: 'Servers', emojiSlug: 'star', kind: 'mcpServer' })
  })

  it('folder get answers folderNotFound with its message', async () => {
    stubApi('GET', `/v1/workspaceManagement/folders/${USER}`, { reason: 'folderNotFound' }, 404)
    const result = await run('workspaceManagement folder get', [USER])
    expect([result.exitCode, result.json()]).toEqual([1, { errorMessage: 'No folder with this UUID exists.', reason: 'folderNotFound', status: 404 }])
  })
})

describe('workspaces and sessions', () => {
  it('workspace list --refresh sends nothing more than a plain list', async () => {
    stubApi('GET', '/v1/workspaceManagement/workspaces/list', { workspaces: [] })
    expectSuccess(await run('workspaceManagement workspace list', ['--refresh']), printed({ workspaces: [] }))
    expect(requests.map(pick)).toEqual([{ method: 'GET', path: '/v1/workspaceManagement/workspaces/list', query: '', body: undefined }])
  })

  it('workspace update sends only the given fields, and null clears a nullable one', async () => {
    stubApi('PUT', '/v1/workspaceManagement/workspaces/current', { workspace: { uuid: TEST_WORKSPACE, name: 'Acme' } })
    await run('workspaceManagement workspace update', ['--name', 'Acme', '--logo-base64', 'null', '--allowed-login-providers', 'okta'])
    expect(requests[0].body).toEqual({ name: 'Acme', logoBase64: null, allowedLoginProviders: ['okta'] })
  })

  it('workspace update sends syncs without the schedule ids that get-current shows', async () => {
    stubApi('PUT', '/v1/workspaceManagement/workspaces/current', { workspace: { uuid: TEST_WORKSPACE, name: 'Acme' } })
    const syncs = [{ domain: 'storage', cron: '0 * * * *', temporalScheduleWorkflowId: 'schedule-1' }]
    await run('workspaceManagement workspace update', ['--syncs', JSON.stringify(syncs)])
    expect(requests[0].body).toEqual({ syncs: [{ domain: 'storage', cron: '0 * * * *' }] })
  })

  it('session upsert --finished stamps finishedAt with the current time', async () => {
    stubApi('POST', '/v1/workspaceManagement/sessions', { session: { uuid: USER } })
    const before = Date.now()
    await run('workspaceManagement session upsert', ['--session-id', 's-1', '--title', 'T', '--summary', 'S', '--finished'])
    const { finishedAt, ...rest } = requests[0].body as { finishedAt: string }
    expect(rest).toEqual({ sessionId: 's-1', title: 'T', summary: 'S' })
    expect(finishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    expect(Date.parse(finishedAt)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(finishedAt)).toBeLessThanOrEqual(Date.now())
    requests.length = 0
    await expectUsageError('workspaceManagement session upsert', ['--session-id', 's', '--title', 'T', '--summary', 'S', '--finished', '--finished-at', '2025-01-01'], /finished/)
  })
})
