import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import Login from '../../../src/commands/login.js'
import Logout from '../../../src/commands/logout.js'
import Whoami from '../../../src/commands/whoami.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

const user = { uuid: 'u-1', email: 'ada@example.com', firstName: 'Ada', lastName: null }
const workspace = { uuid: '0a000000-0000-4000-8000-000000000009', name: 'Acme', logoUrl: null }

function stubIdentity() {
  stubApi('GET', '/v1/userManagement/users/current', { user })
  stubApi('GET', '/v1/workspaceManagement/workspaces/current', { workspace })
}

function freshEnv(extra: NodeJS.ProcessEnv = {}) {
  return { CARGO_AI_CONFIG_DIR: tempConfigDir(), CARGO_AI_BASE_URL: TEST_BASE_URL, CARGO_AI_KEYRING: 'off', ...extra }
}

describe('login --token', () => {
  it('checks the token, then stores it 0600 and the workspace in the profile', async () => {
    stubIdentity()
    const env = freshEnv()
    const result = await runCommand(Login, ['--token', 'tok-abc'], { env })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({
      profile: 'default',
      credentialStore: 'file',
      baseUrl: TEST_BASE_URL,
      user: { uuid: 'u-1', email: 'ada@example.com', firstName: 'Ada' },
      workspace: { uuid: '0a000000-0000-4000-8000-000000000009', name: 'Acme' },
    })
    expect(requests.map((r) => [r.method, r.path, r.headers.authorization, r.headers['selected-workspace-uuid']])).toEqual([
      ['GET', '/v1/userManagement/users/current', 'Bearer tok-abc', undefined],
      ['GET', '/v1/workspaceManagement/workspaces/current', 'Bearer tok-abc', undefined],
    ])
    const dir = env.CARGO_AI_CONFIG_DIR
    const credentials = join(dir, 'credentials.json')
    expect(JSON.parse(readFileSync(credentials, 'utf8'))).toEqual({ default: { token: 'tok-abc' } })
    expect(statSync(credentials).mode & 0o777).toBe(0o600)
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))
    expect(config.profiles.default).toMatchObject({ workspaceUuid: '0a000000-0000-4000-8000-000000000009', credentialStore: 'file', userEmail: 'ada@example.com' })
    expect(result.stderr).toContain('credentials.json')
    expect(result.stdout).not.toContain('tok-abc')
  })

  it('pins --workspace-uuid and sends it while checking', async () => {
    stubIdentity()
    const result = await runCommand(Login, ['--token', 'tok-abc', '--workspace-uuid', '0a000000-0000-4000-8000-000000000009'], { env: freshEnv() })
    expect(result.exitCode).toBe(0)
    expect(requests[1].headers['selected-workspace-uuid']).toBe('0a000000-0000-4000-8000-000000000009')
    expect(requests[0].headers['selected-workspace-uuid']).toBeUndefined()
  })

  it('reads the token from stdin with --token -', async () => {
    stubIdentity()
    const result = await runCommand(Login, ['--token', '-'], { env: freshEnv(), stdin: 'tok-from-stdin\n' })
    expect(result.exitCode).toBe(0)
    expect(requests[0].headers.authorization).toBe('Bearer tok-from-stdin')
  })

  it('stores nothing when the API refuses the token (exit 3)', async () => {
    stubApi('GET', '/v1/userManagement/users/current', { errorMessage: 'Unauthorized' }, 401)
    const env = freshEnv()
    const result = await runCommand(Login, ['--token', 'bad'], { env })
    expect(result.exitCode).toBe(3)
    expect(result.json().errorMessage).toBe('The API refused this token: Unauthorized')
    expect(() => statSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'))).toThrow()
  })

  it.each([
    [['--token', ''], '--token is empty'],
    [['--token', 'a b'], '--token contains white space; pass the token alone'],
    [[], 'Missing --token: pass an API token (or - to read it from standard input), or use --email, --oauth or --emulator'],
  ])('refuses %j before any request (exit 2)', async (argv, message) => {
    const result = await runCommand(Login, argv, { env: freshEnv() })
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: message })
    expect(requests).toHaveLength(0)
  })

  it('exits 4 with a clear message when the API cannot be reached', async () => {
    const result = await runCommand(Login, ['--token', 'tok'], { env: freshEnv({ CARGO_AI_BASE_URL: 'http://127.0.0.1:9' }) })
    expect(result.exitCode).toBe(4)
    expect(result.json().errorMessage).toMatch(/^Network error: could not reach 127\.0\.0\.1:9/)
  })
})

describe('whoami and logout', () => {
  it('whoami uses the stored token, then logout forgets it and whoami exits 3', async () => {
    stubIdentity()
    const env = freshEnv()
    expect((await runCommand(Login, ['--token', 'tok-abc'], { env })).exitCode).toBe(0)
    requests.length = 0

    const who = await runCommand(Whoami, [], { env })
    expect(who.exitCode).toBe(0)
    expect(who.json()).toEqual({
      user: { uuid: 'u-1', email: 'ada@example.com', firstName: 'Ada' },
      workspace: { uuid: '0a000000-0000-4000-8000-000000000009', name: 'Acme' },
      profile: 'default',
      baseUrl: TEST_BASE_URL,
      credentials: 'file',
      tokenSource: 'file',
      baseUrlSource: 'CARGO_AI_BASE_URL',
      workspaceSource: 'profile',
    })
    const workspaceCall = requests.find((r) => r.path === '/v1/workspaceManagement/workspaces/current')
    expect(workspaceCall?.headers).toMatchObject({ authorization: 'Bearer tok-abc', 'selected-workspace-uuid': '0a000000-0000-4000-8000-000000000009', 'x-cargo-origin': 'cli' })
    const userCall = requests.find((r) => r.path === '/v1/userManagement/users/current')
    expect(userCall?.headers['selected-workspace-uuid']).toBeUndefined()

    const out = await runCommand(Logout, [], { env })
    expect(out.json()).toEqual({ profile: 'default', loggedOut: true, removedCredentials: true })
    expect(JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), 'utf8'))).toEqual({})

    const after = await runCommand(Whoami, [], { env })
    expect(after.exitCode).toBe(3)
    expect(after.json().errorMessage).toContain('cargo-ai login')
  })

  it('CARGO_AI_TOKEN and CARGO_AI_WORKSPACE_UUID override what is stored', async () => {
    stubIdentity()
    const env = freshEnv({ CARGO_AI_TOKEN: 'env-token', CARGO_AI_WORKSPACE_UUID: 'ws-env' })
    const who = await runCommand(Whoami, ['--query', 'credentials'], { env })
    expect(who.json()).toBe('env')
    expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer env-token', 'Bearer env-token'])
    expect(requests.find((r) => r.path.includes('workspaces'))?.headers['selected-workspace-uuid']).toBe('ws-env')
  })
})
