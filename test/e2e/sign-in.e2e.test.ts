import { once } from 'node:events'
import { readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, cli, freshConfigDir, type ServedEmulator, startCli, startEmulatorProcess, tempDir } from './cli-process.js'

// Short lifetimes so that expiry and renewal happen within the test.
let emulator: ServedEmulator
beforeAll(async () => {
  emulator = await startEmulatorProcess(tempDir(), {
    CARGO_AI_EMULATOR_DEVICE_INTERVAL: '1',
    CARGO_AI_EMULATOR_TOKEN_TTL: '2',
  })
})
afterAll(async () => {
  await emulator?.stop()
})

// Every sign-in starts from a config directory that does not exist yet, as on a fresh machine.
const envFor = (configDir = freshConfigDir()) => cleanEnv({ CARGO_AI_CONFIG_DIR: configDir })
const credentialsOf = (env: NodeJS.ProcessEnv) => JSON.parse(readFileSync(join(String(env.CARGO_AI_CONFIG_DIR), 'credentials.json'), 'utf8'))

async function answer(userCode: string, action: 'approve' | 'deny') {
  const response = await fetch(`${emulator.baseUrl}/oauth/device/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user_code: userCode, action }),
  })
  expect(response.status).toBe(200)
}

function loginOAuth(env: NodeJS.ProcessEnv, extra: string[] = []) {
  const running = startCli(['login', '--oauth', '--base-url', emulator.baseUrl, '--no-browser', ...extra], env)
  const code = running.stderrMatch(/enter the code ([A-Z]{4}-[A-Z]{4})/).then((match) => match[1])
  return { ...running, code }
}

describe('login --oauth (device flow against the emulator)', () => {
  it('approved: stores access and refresh tokens; later commands renew the expired token by themselves', async () => {
    const env = envFor()
    const login = loginOAuth(env)
    const code = await login.code
    await answer(code, 'approve')
    const result = await login.done
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`open ${emulator.baseUrl}/oauth/device and enter the code ${code}`)
    expect(result.json()).toMatchObject({ profile: 'default', workspace: { uuid: emulator.workspaceUuid } })
    const first = credentialsOf(env).default
    expect(first).toMatchObject({ token: expect.stringMatching(/^oat_/), refreshToken: expect.stringMatching(/^ort_/) })
    expect(statSync(join(String(env.CARGO_AI_CONFIG_DIR), 'credentials.json')).mode & 0o777).toBe(0o600)
    expect(result.stdout + result.stderr).not.toContain(first.token)

    // The access token lives 2 s: the next command renews it (refresh token rotation) and succeeds.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const who = await cli(['whoami', '--query', 'workspace.uuid'], env)
    expect([who.code, who.json()]).toEqual([0, emulator.workspaceUuid])
    const renewed = credentialsOf(env).default
    expect(renewed.token).not.toBe(first.token)
    expect(renewed.refreshToken).not.toBe(first.refreshToken)
  })

  it('denied: exit 3 with reason access_denied, nothing stored', async () => {
    const env = envFor()
    const login = loginOAuth(env)
    await answer(await login.code, 'deny')
    const result = await login.done
    expect(result.code).toBe(3)
    expect(result.json()).toEqual({ errorMessage: 'The sign-in was denied in the browser', reason: 'access_denied' })
    expect(() => credentialsOf(env)).toThrow()
  })

  it('not answered in time: exit 3 with reason expired_token', async () => {
    // an emulator of its own, whose device codes live 2 s
    const shortLived = await startEmulatorProcess(tempDir(), { CARGO_AI_EMULATOR_DEVICE_INTERVAL: '1', CARGO_AI_EMULATOR_DEVICE_TTL: '2' })
    try {
      const env = envFor()
      const result = await startCli(['login', '--oauth', '--base-url', shortLived.baseUrl, '--no-browser'], env).done
      expect(result.code).toBe(3)
      expect(result.json()).toMatchObject({ reason: 'expired_token' })
      expect(result.json().errorMessage).toMatch(/expired/)
    } finally {
      await shortLived.stop()
    }
  })

  it('a refresh that fails asks to sign in again (exit 3)', async () => {
    const env = envFor()
    const login = loginOAuth(env, ['--profile', 'work'])
    await answer(await login.code, 'approve')
    expect((await login.done).code).toBe(0)
    // Spend the refresh token from another "machine" (rotation invalidates it), then let the access token expire.
    const stolen = credentialsOf(env).work.refreshToken
    const spend = await fetch(`${emulator.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: stolen, client_id: 'cargo-ai-cli' }),
    })
    expect(spend.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const result = await cli(['orchestration', 'tool', 'list'], env)
    expect(result.code).toBe(3)
    expect(result.json().errorMessage).toMatch(/Sign in again with: cargo-ai login --oauth --profile work$/)
  })
})

describe('credentials under concurrency', () => {
  it('parallel logins into several profiles leave one complete, valid credentials file and config', async () => {
    const env = envFor()
    const profiles = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']
    const results = await Promise.all(profiles.map((profile) => cli(['login', '--token', emulator.token, '--base-url', emulator.baseUrl, '--profile', profile], env)))
    expect(results.map((result) => result.code)).toEqual(profiles.map(() => 0))
    expect(Object.keys(credentialsOf(env)).sort()).toEqual(profiles)
    const listed = await cli(['profile', 'list', '--query', 'profiles[].name'], env)
    expect(listed.json()).toEqual(profiles)
  })

  it('a login and token renewals at the same moment leave valid credentials', async () => {
    const env = envFor()
    const login = loginOAuth(env, ['--profile', 'oauth'])
    await answer(await login.code, 'approve')
    expect((await login.done).code).toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const results = await Promise.all([
      cli(['whoami', '--profile', 'oauth'], env),
      cli(['whoami', '--profile', 'oauth'], env),
      cli(['login', '--token', emulator.token, '--base-url', emulator.baseUrl, '--profile', 'token'], env),
    ])
    expect(results.map((result) => result.code)).toEqual([0, 0, 0])
    const credentials = credentialsOf(env)
    expect(Object.keys(credentials).sort()).toEqual(['oauth', 'token'])
    // Only one process spent the refresh token; the other adopted its result, so the stored pair still works.
    expect((await cli(['whoami', '--profile', 'oauth'], env)).code).toBe(0)
  }, 60_000)
})

describe('secrets stay secret', () => {
  it('tokens never appear in output or DEBUG logs', async () => {
    const env = { ...envFor(), DEBUG: 'cargo-ai*' }
    const login = await cli(['login', '--token', emulator.token, '--base-url', emulator.baseUrl], env)
    const listed = await cli(['orchestration', 'tool', 'list'], env)
    expect([login.code, listed.code]).toEqual([0, 0])
    expect(listed.stderr).toContain(`cargo-ai:http → GET ${emulator.baseUrl}/v1/orchestration/tools/list`)
    for (const text of [login.stdout, login.stderr, listed.stdout, listed.stderr]) expect(text).not.toContain(emulator.token)
  })

  it('a --token value is not visible in the process list while the command runs', async () => {
    const stalled = createServer(() => {})
    stalled.listen(0, '127.0.0.1')
    await once(stalled, 'listening')
    const secret = 'tok_do_not_show_me_123'
    const env = { ...envFor(), CARGO_AI_TIMEOUT: '5s' }
    const connected = once(stalled, 'connection')
    const running = startCli(['login', '--token', secret, '--base-url', `http://127.0.0.1:${(stalled.address() as AddressInfo).port}`], env)
    // the command is past its start (title set) once it connects, however loaded the machine is
    await connected
    const title = readFileSync(`/proc/${running.child.pid}/cmdline`, 'utf8')
    running.child.kill('SIGTERM')
    await running.done
    stalled.close()
    expect(title).toMatch(/^cargo-ai/)
    expect(title).not.toContain(secret)
  })
})
