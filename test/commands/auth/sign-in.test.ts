import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import GetRun from '../../../src/commands/orchestration/run/get.js'
import Login from '../../../src/commands/login.js'
import ProfileList from '../../../src/commands/profile/list.js'
import ProfileRemove from '../../../src/commands/profile/remove.js'
import ProfileUse from '../../../src/commands/profile/use.js'
import Whoami from '../../../src/commands/whoami.js'
import { requests, server, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

const user = { uuid: 'u-1', email: 'ada@example.com', firstName: 'Ada' }
const acme = { uuid: '0a000000-0000-4000-8000-000000000001', name: 'Acme' }
const globex = { uuid: '0a000000-0000-4000-8000-000000000002', name: 'Globex' }

function freshEnv(extra: NodeJS.ProcessEnv = {}) {
  return { CARGO_AI_CONFIG_DIR: tempConfigDir(), CARGO_AI_BASE_URL: TEST_BASE_URL, CARGO_AI_KEYRING: 'off', ...extra }
}

function stubIdentity(workspaces = [acme]) {
  stubApi('GET', '/v1/userManagement/users/current', { user })
  stubApi('GET', '/v1/workspaceManagement/workspaces/list', { workspaces })
  stubApi('GET', '/v1/workspaceManagement/workspaces/current', (request) => ({
    workspace: workspaces.find((w) => w.uuid === request.headers['selected-workspace-uuid']) ?? workspaces[0],
  }))
}

/** Device endpoints: the token endpoint answers from a script of OAuth error codes, then tokens. */
function stubDeviceFlow(script: string[], tokens = { access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600 }) {
  const polls: string[] = []
  server.use(
    http.post(`${TEST_BASE_URL}/oauth/device/code`, () =>
      HttpResponse.json({ device_code: 'dc', user_code: 'ABCD-EFGH', verification_uri: `${TEST_BASE_URL}/oauth/device`, expires_in: 600, interval: 5 }),
    ),
    http.post(`${TEST_BASE_URL}/oauth/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text())
      polls.push(form.get('grant_type') ?? '')
      const step = script[polls.length - 1]
      return step ? HttpResponse.json({ error: step }, { status: 400 }) : HttpResponse.json(tokens)
    }),
  )
  return polls
}

describe('login --oauth', () => {
  it('honours interval and slow_down, then stores both tokens', async () => {
    const polls = stubDeviceFlow(['authorization_pending', 'slow_down', 'authorization_pending'])
    stubIdentity()
    const env = freshEnv()
    const clock = new FakeClock()
    const result = await runCommand(Login, ['--oauth', '--no-browser'], { env, clock })
    expect(result.exitCode).toBe(0)
    expect(clock.sleeps).toEqual([5000, 5000, 10_000, 10_000])
    expect(polls).toEqual(Array(4).fill('urn:ietf:params:oauth:grant-type:device_code'))
    expect(result.stderr).toContain(`open ${TEST_BASE_URL}/oauth/device and enter the code ABCD-EFGH`)
    const stored = JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), 'utf8'))
    expect(stored.default).toEqual({ token: 'at-1', refreshToken: 'rt-1', expiresAt: 3_600_000 + 30_000 })
  })

  it('several workspaces and no terminal: fails with the list, stores nothing', async () => {
    stubDeviceFlow([])
    stubIdentity([acme, globex])
    const env = freshEnv()
    const result = await runCommand(Login, ['--oauth', '--no-browser'], { env, clock: new FakeClock() })
    expect(result.exitCode).toBe(2)
    expect(result.json()).toEqual({ errorMessage: 'Several workspaces: choose one with --workspace-uuid or --workspace-name', workspaces: [acme, globex] })
    expect(existsSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'))).toBe(false)
  })

  it('--workspace-uuid picks one of them; an unknown one is refused with the list', async () => {
    stubDeviceFlow([])
    stubIdentity([acme, globex])
    const ok = await runCommand(Login, ['--oauth', '--no-browser', '--workspace-uuid', '0a000000-0000-4000-8000-000000000002'], { env: freshEnv(), clock: new FakeClock() })
    expect([ok.exitCode, ok.json().workspace]).toEqual([0, globex])

    stubDeviceFlow([])
    const bad = await runCommand(Login, ['--oauth', '--no-browser', '--workspace-uuid', '0a000000-0000-4000-8000-000000000009'], { env: freshEnv(), clock: new FakeClock() })
    expect([bad.exitCode, bad.json()]).toEqual([2, { errorMessage: 'You have no workspace 0a000000-0000-4000-8000-000000000009', workspaces: [acme, globex] }])
  })
})

describe('login --oauth --workspace-name', () => {
  it('picks the workspace by name; an unknown name is refused with the list (exit 2), nothing stored', async () => {
    stubDeviceFlow([])
    stubIdentity([acme, globex])
    const ok = await runCommand(Login, ['--oauth', '--no-browser', '--workspace-name', 'Globex'], { env: freshEnv(), clock: new FakeClock() })
    expect([ok.exitCode, ok.json().workspace]).toEqual([0, globex])
    expect(requests.find((r) => r.path === '/v1/workspaceManagement/workspaces/current')?.headers['selected-workspace-uuid']).toBe('0a000000-0000-4000-8000-000000000002')

    stubDeviceFlow([])
    const env = freshEnv()
    const bad = await runCommand(Login, ['--oauth', '--no-browser', '--workspace-name', 'Initech'], { env, clock: new FakeClock() })
    expect([bad.exitCode, bad.json()]).toEqual([2, { errorMessage: 'You have no workspace named "Initech"', workspaces: [acme, globex] }])
    expect(existsSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'))).toBe(false)
  })
})

describe('token renewal on 401', () => {
  it('renews once with the refresh token and resends the request once', async () => {
    const env = freshEnv()
    writeFileSync(join(env.CARGO_AI_CONFIG_DIR, 'config.json'), JSON.stringify({ currentProfile: 'default', profiles: { default: { credentialStore: 'file', workspaceUuid: '0a000000-0000-4000-8000-000000000001' } } }), { mode: 0o600 })
    writeFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), JSON.stringify({ default: { token: 'stale', refreshToken: 'rt-1', expiresAt: Date.now() + 3_600_000 } }), { mode: 0o600 })
    const refreshes: string[] = []
    server.use(
      http.post(`${TEST_BASE_URL}/oauth/token`, async ({ request }) => {
        refreshes.push(new URLSearchParams(await request.text()).get('refresh_token') ?? '')
        return HttpResponse.json({ access_token: 'fresh', refresh_token: 'rt-2', expires_in: 3600 })
      }),
    )
    const runUuid = '6f1e2d3c-4b5a-4968-8776-655443322110'
    stubApi('GET', '/v1/orchestration/runs/{uuid}', (request) =>
      request.headers.authorization === 'Bearer fresh' ? { run: { uuid: runUuid, status: 'success' } } : new Response('{"errorMessage":"Token expired"}', { status: 401 }),
    )
    const result = await runCommand(GetRun, [runUuid], { env })
    expect([result.exitCode, result.json()]).toEqual([0, { run: { uuid: runUuid, status: 'success' } }])
    expect(refreshes).toEqual(['rt-1'])
    expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale', 'Bearer fresh'])
    expect(JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), 'utf8')).default).toMatchObject({ token: 'fresh', refreshToken: 'rt-2' })
  })
})

describe('profiles', () => {
  it('login --profile, profile list/use/remove, and --profile on a command', async () => {
    stubIdentity()
    const env = freshEnv()
    expect((await runCommand(Login, ['--token', 'tok-a', '--profile', 'alpha'], { env })).exitCode).toBe(0)
    expect((await runCommand(Login, ['--token', 'tok-b', '--profile', 'beta'], { env })).exitCode).toBe(0)

    const list = await runCommand(ProfileList, [], { env })
    expect(list.json().profiles.map((p: { name: string; current: boolean }) => [p.name, p.current])).toEqual([
      ['alpha', false],
      ['beta', true],
    ])
    expect((await runCommand(ProfileUse, ['alpha'], { env })).json()).toEqual({ currentProfile: 'alpha' })
    requests.length = 0
    await runCommand(Whoami, [], { env })
    expect(requests[0].headers.authorization).toBe('Bearer tok-a')
    requests.length = 0
    const who = await runCommand(Whoami, ['--profile', 'beta'], { env })
    expect([who.json().profile, requests[0].headers.authorization]).toEqual(['beta', 'Bearer tok-b'])

    const removed = await runCommand(ProfileRemove, ['alpha'], { env })
    expect(removed.json()).toEqual({ removed: 'alpha', removedCredentials: true, currentProfile: 'beta' })
    expect(Object.keys(JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), 'utf8')))).toEqual(['beta'])
    const unknown = await runCommand(ProfileUse, ['gamma'], { env })
    expect([unknown.exitCode, unknown.json().errorMessage]).toEqual([2, 'No profile gamma; profiles: beta'])
  })
})

describe('file permissions', () => {
  it('a credentials file readable by others is repaired to 0600, and the user told', async () => {
    stubIdentity()
    const env = freshEnv()
    await runCommand(Login, ['--token', 'tok-a'], { env })
    const path = join(env.CARGO_AI_CONFIG_DIR, 'credentials.json')
    chmodSync(path, 0o644)
    const who = await runCommand(Whoami, [], { env })
    expect(who.exitCode).toBe(0)
    expect(who.stderr).toContain(`${path} was readable by other users (mode 644); its mode is now 600`)
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })
})

describe('bad sign-in input leaves nothing behind', () => {
  it.each([
    ['an unknown workspace (403)', () => {
      stubApi('GET', '/v1/userManagement/users/current', { user })
      stubApi('GET', '/v1/workspaceManagement/workspaces/current', { errorMessage: 'Forbidden' }, 403)
    }, ['--token', 'tok', '--workspace-uuid', '0a000000-0000-4000-8000-0000000000ff'], 3, 'The API refused this token for workspace 0a000000-0000-4000-8000-0000000000ff: Forbidden'],
    ['a server answering HTML', () => {
      stubApi('GET', '/v1/userManagement/users/current', () => new Response('<html>gateway</html>', { status: 502 }))
    }, ['--token', 'tok'], 4, 'Server error (HTTP 502, the body is not JSON)'],
    ['an HTML page with status 200', () => {
      stubApi('GET', '/v1/userManagement/users/current', () => new Response('<html>login</html>', { status: 200 }))
    }, ['--token', 'tok'], 1, 'The API answered GET /v1/userManagement/users/current with a body that is not JSON: <html>login</html>'],
  ])('%s', async (_label, stub, argv, exitCode, message) => {
    stub()
    const env = freshEnv()
    const result = await runCommand(Login, argv, { env })
    expect(result.exitCode).toBe(exitCode)
    expect(result.json().errorMessage).toBe(message)
    expect(existsSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'))).toBe(false)
    expect(existsSync(join(env.CARGO_AI_CONFIG_DIR, 'config.json'))).toBe(false)
  })

  it('an unreachable authorization server: exit 4', async () => {
    const result = await runCommand(Login, ['--oauth', '--no-browser'], { env: freshEnv({ CARGO_AI_AUTH_URL: 'http://127.0.0.1:9' }), clock: new FakeClock() })
    expect(result.exitCode).toBe(4)
    expect(result.json().errorMessage).toMatch(/^Could not reach the authorization server at 127\.0\.0\.1:9/)
  })
})
