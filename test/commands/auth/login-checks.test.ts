// login: what is refused before any request, and which API a real sign-in is checked against.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import Login from '../../../src/commands/login.js'
import { requests, server, stubApi } from '../../support/api-stub.js'
import { FakeClock, runCommand, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

const user = { uuid: 'u-1', email: 'ada@example.com' }
const acme = { uuid: '0a000000-0000-4000-8000-000000000001', name: 'Acme' }

function freshEnv(extra: NodeJS.ProcessEnv = {}) {
  return { CARGO_AI_CONFIG_DIR: tempConfigDir(), CARGO_AI_BASE_URL: TEST_BASE_URL, CARGO_AI_KEYRING: 'off', ...extra }
}

function stubIdentity(origin = TEST_BASE_URL) {
  stubApi('GET', `${origin}/v1/userManagement/users/current`, { user })
  stubApi('GET', `${origin}/v1/workspaceManagement/workspaces/current`, { workspace: acme })
  stubApi('GET', `${origin}/v1/workspaceManagement/workspaces/list`, { workspaces: [acme] })
}

/** The emulator's in-process profile is current, as after `login --emulator`. */
function emulatorMachine(extra: NodeJS.ProcessEnv = {}) {
  const dir = tempConfigDir()
  const profiles = { emulator: { baseUrl: 'http://emulator.cargo.local', emulator: true, credentialStore: 'file', workspaceUuid: 'ws-emu' } }
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentProfile: 'emulator', profiles }), { mode: 0o600 })
  writeFileSync(join(dir, 'credentials.json'), JSON.stringify({ emulator: { token: 'cargo_emulator_token' } }), { mode: 0o600 })
  return { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off', ...extra }
}

describe('login --email: bad input is refused before any request (exit 2)', () => {
  it.each([
    [['--email', 'not-an-address'], '--email: expected an email address such as you@company.com, got "not-an-address"'],
    [['--email', 'a b@c.io'], '--email: expected an email address such as you@company.com, got "a b@c.io"'],
    [['--email', 'you@acme.io', '--code', ''], '--code is empty'],
    [['--email', 'you@acme.io', '--code', '12 34'], '--code contains white space; pass the code alone'],
    [['--email', 'you@acme.io', '--workspace-name', ' '], '--workspace-name is empty'],
    [['--code', '123456'], 'All of the following must be provided when using --code: --email'],
    [['--email', 'you@acme.io', '--token', 't'], '--token cannot also be provided when using --email'],
    [['--email', 'you@acme.io', '--workspace-uuid', '0a000000-0000-4000-8000-000000000001'], '--workspace-uuid cannot also be provided when using --email'],
    [['--token', 't', '--workspace-name', 'Acme'], '--token cannot also be provided when using --workspace-name'],
  ])('%j', async (argv, errorMessage) => {
    const env = freshEnv()
    const result = await runCommand(Login, argv, { env })
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage }])
    expect(requests).toHaveLength(0)
    expect(existsSync(join(env.CARGO_AI_CONFIG_DIR, 'config.json'))).toBe(false)
  })

  it('--code - with nothing on standard input is empty (exit 2)', async () => {
    const result = await runCommand(Login, ['--email', 'you@acme.io', '--code', '-'], { env: freshEnv(), stdin: '\n' })
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage: '--code is empty' }])
    expect(requests).toHaveLength(0)
  })
})

describe('login --email on the wire', () => {
  it('sends the address (and --workspace-name) to CARGO_AI_AUTH_URL, then trades the code for tokens and pins the workspace the server names', async () => {
    const auth = 'https://auth.cargo.test'
    const forms: Array<Record<string, string>> = []
    server.use(
      http.post(`${auth}/oauth/email/code`, async ({ request }) => {
        forms.push(Object.fromEntries(new URLSearchParams(await request.text())))
        return HttpResponse.json({ expires_in: 300 })
      }),
      http.post(`${auth}/oauth/token`, async ({ request }) => {
        forms.push(Object.fromEntries(new URLSearchParams(await request.text())))
        return HttpResponse.json({ access_token: 'at-1', refresh_token: 'rt-1', expires_in: 3600, workspace_uuid: '0a000000-0000-4000-8000-000000000001' })
      }),
    )
    stubIdentity()
    const env = freshEnv({ CARGO_AI_AUTH_URL: auth })
    const sent = await runCommand(Login, ['--email', 'you@acme.io', '--workspace-name', 'Acme'], { env })
    expect([sent.exitCode, sent.json()]).toEqual([0, { codeSent: true, email: 'you@acme.io', expiresIn: 300 }])
    const done = await runCommand(Login, ['--email', 'you@acme.io', '--code', '-', '--workspace-name', 'Acme'], { env, stdin: '123456\n', clock: new FakeClock() })
    expect([done.exitCode, done.json().workspace]).toEqual([0, acme])
    expect(forms).toEqual([
      { client_id: 'cargo-ai-cli', email: 'you@acme.io', workspace_name: 'Acme' },
      { grant_type: 'urn:cargo-ai:params:oauth:grant-type:email_code', client_id: 'cargo-ai-cli', email: 'you@acme.io', code: '123456', workspace_name: 'Acme' },
    ])
    expect(requests.find((r) => r.path === '/v1/workspaceManagement/workspaces/current')?.headers).toMatchObject({ authorization: 'Bearer at-1', 'selected-workspace-uuid': '0a000000-0000-4000-8000-000000000001' })
    const stored = JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'credentials.json'), 'utf8')).default
    expect(stored).toEqual({ token: 'at-1', refreshToken: 'rt-1', expiresAt: 3_600_000 })
  })
})

describe('connection settings are checked before the first request, for every kind of sign-in (exit 2)', () => {
  it.each([
    [['--oauth', '--no-browser'], { CARGO_AI_BASE_URL: 'api.getcargo.io' }, 'CARGO_AI_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "api.getcargo.io"'],
    [['--oauth', '--no-browser'], { HTTPS_PROXY: 'proxy:3128' }, 'HTTPS_PROXY: expected a proxy URL such as http://proxy.example:3128, got "proxy:3128"'],
    [['--oauth', '--no-browser'], { CARGO_AI_AUTH_URL: 'auth.example' }, 'CARGO_AI_AUTH_URL: expected an http(s) URL such as https://api.getcargo.io, got "auth.example"'],
    [['--oauth', '--no-browser', '--base-url', 'nope'], {}, '--base-url: expected an http(s) URL such as https://api.getcargo.io, got "nope"'],
    [['--email', 'you@acme.io'], { CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: 'ftp://x' }, 'CARGO_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "ftp://x"'],
    [['--email', 'you@acme.io'], { CARGO_AI_TIMEOUT: 'soon' }, 'CARGO_AI_TIMEOUT: expected a duration such as 30s or 6m, got "soon"'],
    [['--token', 't'], { CARGO_AI_BASE_URL: undefined, CARGO_BASE_URL: 'x' }, 'CARGO_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "x"'],
  ])('%j with %j', async (argv, extra, errorMessage) => {
    // any request at all would be recorded: the device-code and email endpoints included
    const seen: string[] = []
    server.use(http.all('*', ({ request }) => void seen.push(request.url)))
    const result = await runCommand(Login, argv, { env: freshEnv(extra), clock: new FakeClock() })
    expect([result.exitCode, result.json()]).toEqual([2, { errorMessage }])
    expect([...seen, ...requests.map((r) => r.path)]).toEqual([])
  })
})

describe('login --token from a machine whose current profile is the emulator (point 5)', () => {
  it('CARGO_BASE_URL names the API the token is checked against; it is stored in profile default and the emulator profile stays', async () => {
    const other = 'https://real.cargo.test'
    stubIdentity(other)
    const env = emulatorMachine({ CARGO_BASE_URL: other })
    const result = await runCommand(Login, ['--token', 'real-token'], { env })
    expect(result.exitCode).toBe(0)
    expect(result.json()).toMatchObject({ profile: 'default', baseUrl: other, workspace: acme })
    expect(requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/v1/userManagement/users/current', 'Bearer real-token'],
      ['/v1/workspaceManagement/workspaces/current', 'Bearer real-token'],
    ])
    const config = JSON.parse(readFileSync(join(env.CARGO_AI_CONFIG_DIR, 'config.json'), 'utf8'))
    expect(config.currentProfile).toBe('default')
    expect(config.profiles.emulator).toMatchObject({ emulator: true, baseUrl: 'http://emulator.cargo.local' })
    expect(config.profiles.default.emulator).toBeUndefined()
  })

  it('--base-url likewise', async () => {
    const other = 'https://flag.cargo.test'
    stubIdentity(other)
    const result = await runCommand(Login, ['--token', 'real-token', '--base-url', other], { env: emulatorMachine() })
    expect([result.exitCode, result.json().baseUrl, requests.length]).toEqual([0, other, 2])
  })

  it('with no base URL anywhere, the real API (https://api.getcargo.io), not the emulator', async () => {
    stubIdentity('https://api.getcargo.io')
    const result = await runCommand(Login, ['--token', 'real-token'], { env: emulatorMachine() })
    expect([result.exitCode, result.json().baseUrl]).toEqual([0, 'https://api.getcargo.io'])
    expect(requests.map((r) => r.headers.authorization)).toEqual(['Bearer real-token', 'Bearer real-token'])
  })
})
