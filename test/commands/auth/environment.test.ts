import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Logout from '../../../src/commands/logout.js'
import ListTools from '../../../src/commands/orchestration/tool/list.js'
import Whoami from '../../../src/commands/whoami.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

// The real CLI's variables (CARGO_API_TOKEN, CARGO_API_KEY, CARGO_BASE_URL, CARGO_WORKSPACE_UUID) beside ours.

const OTHER_BASE_URL = 'https://other.cargo.test'
const user = { uuid: 'u-1', email: 'ada@example.com' }
const workspace = { uuid: 'ws-9', name: 'Acme' }

function stubIdentity(origin = TEST_BASE_URL) {
  stubApi('GET', `${origin}/v1/userManagement/users/current`, { user })
  stubApi('GET', `${origin}/v1/workspaceManagement/workspaces/current`, { workspace })
}

/** A config directory holding a signed-in profile `default` (token `stored-token`, workspace ws-stored), and `other` (token `other-token`). */
function storedEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = tempConfigDir()
  const profiles = {
    default: { credentialStore: 'file', workspaceUuid: 'ws-stored' },
    other: { credentialStore: 'file', workspaceUuid: 'ws-other' },
    empty: {},
  }
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentProfile: 'default', profiles }), { mode: 0o600 })
  writeFileSync(join(dir, 'credentials.json'), JSON.stringify({ default: { token: 'stored-token' }, other: { token: 'other-token' } }), { mode: 0o600 })
  return { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off', CARGO_AI_BASE_URL: TEST_BASE_URL, ...extra }
}

const headersOf = (path: string) => requests.find((request) => request.path === path)?.headers ?? {}

describe('one precedence: CARGO_AI_*, then the real CLI names, then the stored profile', () => {
  it.each([
    ['CARGO_API_TOKEN alone', { CARGO_API_TOKEN: 'api-token' }, 'Bearer api-token', 'CARGO_API_TOKEN'],
    ['CARGO_API_KEY alone', { CARGO_API_KEY: 'api-key' }, 'Bearer api-key', 'CARGO_API_KEY'],
    ['CARGO_API_TOKEN over CARGO_API_KEY', { CARGO_API_TOKEN: 'api-token', CARGO_API_KEY: 'api-key' }, 'Bearer api-token', 'CARGO_API_TOKEN'],
    ['CARGO_AI_TOKEN over both', { CARGO_AI_TOKEN: 'ai-token', CARGO_API_TOKEN: 'api-token', CARGO_API_KEY: 'api-key' }, 'Bearer ai-token', 'CARGO_AI_TOKEN'],
    ['an empty variable counts as unset', { CARGO_AI_TOKEN: '', CARGO_API_TOKEN: '', CARGO_API_KEY: 'api-key' }, 'Bearer api-key', 'CARGO_API_KEY'],
    ['no variable: the stored profile', {}, 'Bearer stored-token', 'file'],
    ['CARGO_AI_PROFILE is the environment too: the token variable still wins', { CARGO_AI_PROFILE: 'other', CARGO_API_KEY: 'api-key' }, 'Bearer api-key', 'CARGO_API_KEY'],
  ])('token: %s', async (_label, extra, authorization, tokenSource) => {
    stubIdentity()
    const result = await runCommand(Whoami, [], { env: storedEnv(extra) })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ tokenSource, credentials: tokenSource === 'file' ? 'file' : 'env' })
    expect(requests.map((request) => request.headers.authorization)).toEqual([authorization, authorization])
  })

  it.each([
    ['CARGO_WORKSPACE_UUID over the profile', { CARGO_WORKSPACE_UUID: 'ws-real' }, 'ws-real', 'CARGO_WORKSPACE_UUID'],
    ['CARGO_AI_WORKSPACE_UUID over CARGO_WORKSPACE_UUID', { CARGO_AI_WORKSPACE_UUID: 'ws-ours', CARGO_WORKSPACE_UUID: 'ws-real' }, 'ws-ours', 'CARGO_AI_WORKSPACE_UUID'],
    ['no variable: the profile', {}, 'ws-stored', 'profile'],
  ])('workspace: %s', async (_label, extra, selected, workspaceSource) => {
    stubIdentity()
    const result = await runCommand(Whoami, [], { env: storedEnv(extra) })
    expect(result.json().workspaceSource).toBe(workspaceSource)
    expect(headersOf('/v1/workspaceManagement/workspaces/current')['selected-workspace-uuid']).toBe(selected)
  })

  it('base URL: CARGO_BASE_URL when CARGO_AI_BASE_URL is not set; CARGO_AI_BASE_URL over it', async () => {
    stubIdentity(OTHER_BASE_URL)
    const real = await runCommand(Whoami, [], { env: storedEnv({ CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: OTHER_BASE_URL }) })
    expect([real.exitCode, real.json().baseUrl, real.json().baseUrlSource]).toEqual([0, OTHER_BASE_URL, 'CARGO_BASE_URL'])
    expect(requests).toHaveLength(2)

    requests.length = 0
    stubIdentity()
    const ours = await runCommand(Whoami, [], { env: storedEnv({ CARGO_BASE_URL: OTHER_BASE_URL }) })
    expect([ours.exitCode, ours.json().baseUrl, ours.json().baseUrlSource]).toEqual([0, TEST_BASE_URL, 'CARGO_AI_BASE_URL'])
    expect(requests.every((request) => request.headers.authorization === 'Bearer stored-token')).toBe(true)
  })

  it('a command other than whoami follows the same rules (CARGO_API_TOKEN, CARGO_WORKSPACE_UUID, CARGO_BASE_URL)', async () => {
    stubApi('GET', `${OTHER_BASE_URL}/v1/orchestration/tools/list`, { tools: [] })
    const env = storedEnv({ CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: OTHER_BASE_URL, CARGO_API_TOKEN: 'api-token', CARGO_WORKSPACE_UUID: 'ws-real' })
    const result = await runCommand(ListTools, [], { env })
    expect([result.exitCode, result.json()]).toEqual([0, { tools: [] }])
    expect(requests[0].headers).toMatchObject({ authorization: 'Bearer api-token', 'selected-workspace-uuid': 'ws-real' })
  })
})

describe('--profile on the command line selects the stored sign-in over the environment', () => {
  it('the stored token and workspace are used though CARGO_API_TOKEN and CARGO_WORKSPACE_UUID are set; the base URL variable still applies', async () => {
    stubIdentity()
    const env = storedEnv({ CARGO_API_TOKEN: 'api-token', CARGO_WORKSPACE_UUID: 'ws-real' })
    const result = await runCommand(Whoami, ['--profile', 'other'], { env })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ profile: 'other', tokenSource: 'file', workspaceSource: 'profile', baseUrlSource: 'CARGO_AI_BASE_URL' })
    expect(headersOf('/v1/workspaceManagement/workspaces/current')).toMatchObject({ authorization: 'Bearer other-token', 'selected-workspace-uuid': 'ws-other' })
  })

  it('a profile without credentials is "not signed in" (exit 3), saying the variable was set aside; nothing is sent', async () => {
    const result = await runCommand(Whoami, ['--profile', 'empty'], { env: storedEnv({ CARGO_API_KEY: 'api-key' }) })
    expect(result.exitCode).toBe(3)
    expect(result.json()).toEqual({
      errorMessage:
        'Profile empty has no stored credentials: --profile selects a stored sign-in, so CARGO_API_KEY is not used. Run `cargo-ai login --profile empty`, or leave out --profile to use CARGO_API_KEY.',
    })
    expect(requests).toHaveLength(0)
  })
})

describe('a malformed base URL is refused before any request (exit 2), naming the variable used', () => {
  it.each([
    ['CARGO_BASE_URL', { CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: 'api.getcargo.io' }, 'CARGO_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "api.getcargo.io"'],
    ['CARGO_AI_BASE_URL, when both are set', { CARGO_AI_BASE_URL: 'ftp://x', CARGO_BASE_URL: OTHER_BASE_URL }, 'CARGO_AI_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "ftp://x"'],
    ['CARGO_BASE_URL with a password, which is not echoed', { CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: 'ftp://me:secret@host' }, 'CARGO_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "ftp://***@host"'],
  ])('%s', async (_label, extra, errorMessage) => {
    const result = await runCommand(Whoami, [], { env: storedEnv({ CARGO_API_TOKEN: 'api-token', ...extra }) })
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage }])
    expect(requests).toHaveLength(0)
  })

  it('a malformed CARGO_BASE_URL that CARGO_AI_BASE_URL overrides is not used, so not refused', async () => {
    stubIdentity()
    const result = await runCommand(Whoami, ['--query', 'baseUrl'], { env: storedEnv({ CARGO_BASE_URL: 'not a url' }) })
    expect([result.exitCode, result.json()]).toEqual([0, TEST_BASE_URL])
  })
})

describe('an auth error caused by an environment token says so (exit 3)', () => {
  it.each([
    ['CARGO_API_TOKEN', 401, 'Unauthorized'],
    ['CARGO_API_KEY', 403, 'Forbidden'],
    ['CARGO_AI_TOKEN', 401, 'Unauthorized'],
  ])('%s refused with %i', async (variable, status, message) => {
    stubApi('GET', '/v1/orchestration/tools/list', { errorMessage: message }, status)
    const result = await runCommand(ListTools, [], { env: storedEnv({ [variable]: 'bad-token' }) })
    expect([result.exitCode, result.json()]).toEqual([3, { errorMessage: `The token from ${variable} was refused: ${message}`, status }])
  })

  it('a refused stored token is reported as before, without naming a variable', async () => {
    stubApi('GET', '/v1/orchestration/tools/list', { errorMessage: 'Unauthorized' }, 401)
    const result = await runCommand(ListTools, [], { env: storedEnv() })
    expect([result.exitCode, result.json()]).toEqual([3, { errorMessage: 'Unauthorized', status: 401 }])
  })

  it('other failures are not blamed on the token (404 stays exit 1, unchanged)', async () => {
    stubApi('GET', '/v1/orchestration/tools/list', { errorMessage: 'Nope' }, 404)
    const result = await runCommand(ListTools, [], { env: storedEnv({ CARGO_API_TOKEN: 'api-token' }) })
    expect([result.exitCode, result.json()]).toEqual([1, { errorMessage: 'Nope', status: 404 }])
  })
})

describe('logout with a token variable set', () => {
  it('forgets the stored credentials and says which variable will keep being used', async () => {
    const result = await runCommand(Logout, [], { env: storedEnv({ CARGO_API_KEY: 'api-key' }) })
    expect([result.exitCode, result.json()]).toEqual([0, { profile: 'default', loggedOut: true, removedCredentials: true }])
    expect(result.stderr).toContain('CARGO_API_KEY is set in this environment: commands keep using its token, not the stored sign-in (unless given --profile).')
  })
})
