// login --email / --code against a served emulator, from machines whose config directory does not exist yet.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanEnv, cli, type ServedEmulator, startEmulatorProcess, tempDir } from './cli-process.js'

const SEEDED_ADDRESS = 'ada@emulator.local'
let emulator: ServedEmulator
let shortLived: ServedEmulator
beforeAll(async () => {
  // Access tokens live 2 s: every command after the sign-in renews its token first (renewal keeps the account).
  ;[emulator, shortLived] = await Promise.all([
    startEmulatorProcess(tempDir(), { CARGO_AI_EMULATOR_TOKEN_TTL: '2' }),
    startEmulatorProcess(tempDir(), { CARGO_AI_EMULATOR_EMAIL_CODE_TTL: '1' }),
  ])
})
afterAll(async () => {
  expect(await Promise.all([emulator?.stop(), shortLived?.stop()])).toEqual([0, 0])
})

/** A machine of its own: an empty HOME, so ~/.config/cargo-ai does not exist. */
function freshMachine() {
  const env = cleanEnv({})
  return { env, configDir: join(String(env.HOME), '.config', 'cargo-ai') }
}

let addresses = 0
const newAddress = () => `person${++addresses}.${process.pid}@acme.test`

/** The codes the emulator "mailed" to an address, newest first (the emulator's outbox, read with its token). */
async function outbox(address: string, served = emulator, token = served.token) {
  const response = await fetch(`${served.baseUrl}/__emulator/outbox?to=${encodeURIComponent(address)}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, body: (await response.json()) as { messages: Array<{ to: string; code: string; status: string }> } }
}
/** Asks for a code on the wire, as the first `login --email` does (for steps whose CLI side another test covers). */
async function sendCode(address: string, workspaceName?: string) {
  const form = new URLSearchParams({ client_id: 'cargo-ai-cli', email: address, ...(workspaceName ? { workspace_name: workspaceName } : {}) })
  const response = await fetch(`${emulator.baseUrl}/oauth/email/code`, { method: 'POST', body: form })
  expect(response.status).toBe(200)
}
/** Tries a code on the wire, as `login --email --code` does. */
async function tryCode(address: string, code: string) {
  const form = new URLSearchParams({ grant_type: 'urn:cargo-ai:params:oauth:grant-type:email_code', client_id: 'cargo-ai-cli', email: address, code })
  const response = await fetch(`${emulator.baseUrl}/oauth/token`, { method: 'POST', body: form })
  return ((await response.json()) as { error?: string }).error
}
const latestCode = async (address: string, served = emulator) => (await outbox(address, served)).body.messages[0].code

const login = (env: NodeJS.ProcessEnv, args: string[], stdin?: string, served = emulator) => cli(['login', '--base-url', served.baseUrl, ...args], env, stdin)

describe('login --email, then --code', () => {
  it('a new address: the code is sent (nothing stored), then --code - signs in, creating the account and the named workspace', async () => {
    const { env, configDir } = freshMachine()
    const address = newAddress()
    const sent = await login(env, ['--email', address, '--workspace-name', 'Acme GTM'])
    expect([sent.code, sent.json()]).toEqual([0, { codeSent: true, email: address, expiresIn: 600 }])
    expect(sent.stderr).toContain(`A sign-in code was sent to ${address}. Finish with: cargo-ai login --email ${address} --code <code>`)
    expect(existsSync(configDir)).toBe(false)

    const code = await latestCode(address)
    expect(code).toMatch(/^\d{6}$/)
    const done = await login(env, ['--email', address, '--code', '-'], `${code}\n`)
    expect(done.code).toBe(0)
    const result = done.json()
    expect(result).toMatchObject({ profile: 'default', credentialStore: 'file', baseUrl: emulator.baseUrl, user: { email: address }, workspace: { name: 'Acme GTM' } })
    expect(result.workspace.uuid).not.toBe(emulator.workspaceUuid)
    expect(done.stdout + done.stderr).not.toContain(code)
    // stored like any other sign-in: private directory and files, access and refresh tokens
    expect([statSync(configDir).mode & 0o777, statSync(join(configDir, 'credentials.json')).mode & 0o777]).toEqual([0o700, 0o600])
    expect(JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')).default).toMatchObject({ token: expect.stringMatching(/^oat_/), refreshToken: expect.stringMatching(/^ort_/) })
    // later commands (a renewal first: the token lives 2 s) act as the new user in the new workspace, on both paths
    const who = await cli(['whoami', '--query', '{email: user.email, workspace: workspace.uuid, tokenSource: tokenSource}'], env)
    expect([who.code, who.json()]).toEqual([0, { email: address, workspace: result.workspace.uuid, tokenSource: 'file' }])
    const tools = await cli(['orchestration', 'tool', 'list', '--query', 'length(tools)'], env)
    expect([tools.code, tools.json()]).toEqual([0, 0])

    // signing in again is safe: the same account and workspace, whether named or not
    for (const extra of [['--workspace-name', 'Acme GTM'], []]) {
      await sendCode(address)
      const again = await login(env, ['--email', address, '--code', await latestCode(address), ...extra])
      expect([again.code, again.json().workspace.uuid]).toEqual([0, result.workspace.uuid])
    }
  })

  it('a new --workspace-name for a known address creates a second workspace; without a name a new address gets one of its own', async () => {
    const { env } = freshMachine()
    const address = newAddress()
    await sendCode(address)
    const first = await login(env, ['--email', address, '--code', await latestCode(address)])
    expect(first.json().workspace.name).toBe(`${address.split('@')[0]}'s workspace`)
    // the name given when the code was asked for is remembered for the second step
    await sendCode(address, 'Second')
    const second = await login(env, ['--email', address, '--code', await latestCode(address)])
    expect(second.json().workspace).toMatchObject({ name: 'Second' })
    expect(second.json().workspace.uuid).not.toBe(first.json().workspace.uuid)
  })

  it('an existing address resolves to its existing workspace (the seeded user: the seeded workspace)', async () => {
    const { env } = freshMachine()
    await sendCode(SEEDED_ADDRESS)
    const result = await login(env, ['--email', SEEDED_ADDRESS, '--code', await latestCode(SEEDED_ADDRESS)])
    expect([result.code, result.json().workspace.uuid, result.json().user.email]).toEqual([0, emulator.workspaceUuid, SEEDED_ADDRESS])
  })
})

describe('on a terminal', () => {
  const scriptAvailable = spawnSync('script', ['--version']).status === 0
  it.skipIf(!scriptAvailable)('login --email sends the code, asks for it, and signs in, in one run', async () => {
    const { env } = freshMachine()
    const address = newAddress()
    const bin = join(import.meta.dirname, '..', '..', 'bin', 'run.js')
    // `script` gives the CLI a terminal; what the test writes to script's input is typed into it
    const child = spawn('script', ['-qec', `${process.execPath} ${bin} login --email ${address} --base-url ${emulator.baseUrl}`, '/dev/null'], { env })
    let output = ''
    const asked = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk) => {
        output += chunk
        if (output.includes(`Code sent to ${address}: `)) resolve()
      }),
    )
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    await Promise.race([asked, exited.then((code) => Promise.reject(new Error(`exited (${code}) without asking for the code: ${output}`)))])
    child.stdin.write(`${await latestCode(address)}\n`)
    expect(await exited).toBe(0)
    expect(output).toMatch(new RegExp(`"email": "${address.replace(/[.]/g, '\\.')}"`))
    expect(output).not.toContain('codeSent')
    const who = await cli(['whoami', '--query', 'user.email'], env)
    expect(who.json()).toBe(address)
  })
})

describe('refused codes: exit 3, nothing stored', () => {
  it('a wrong code says how many tries are left; after five the code is spent, even the right one', async () => {
    const { env, configDir } = freshMachine()
    const address = newAddress()
    await login(env, ['--email', address])
    const code = await latestCode(address)
    const wrong = code === '000000' ? '111111' : '000000'
    const first = await login(env, ['--email', address, '--code', wrong])
    expect([first.code, first.json()]).toEqual([
      3,
      { errorMessage: 'The code was refused: Wrong code (4 tries left); check the code, or ask for a new one with login --email alone', reason: 'invalid_grant' },
    ])
    expect([await tryCode(address, wrong), await tryCode(address, wrong), await tryCode(address, wrong)]).toEqual(['invalid_grant', 'invalid_grant', 'invalid_grant'])
    const fifth = await login(env, ['--email', address, '--code', wrong])
    expect([fifth.code, fifth.json().reason]).toEqual([3, 'too_many_attempts'])
    const right = await login(env, ['--email', address, '--code', code])
    expect([right.code, right.json()]).toEqual([
      3,
      { errorMessage: 'The code was refused: The code was tried 5 times; ask for a new one with login --email alone', reason: 'too_many_attempts' },
    ])
    expect(existsSync(configDir)).toBe(false)
  })

  it('a new code replaces the previous one (and works after a spent one)', async () => {
    const address = newAddress()
    await sendCode(address)
    const old = await latestCode(address)
    await sendCode(address)
    const fresh = await latestCode(address)
    if (old !== fresh) expect(await tryCode(address, old)).toBe('invalid_grant')
    expect(await tryCode(address, fresh)).toBeUndefined()
  })

  it('an expired code: exit 3, reason expired_token', async () => {
    const { env, configDir } = freshMachine()
    const address = newAddress()
    const sent = await login(env, ['--email', address], undefined, shortLived)
    expect(sent.json().expiresIn).toBe(1)
    const code = await latestCode(address, shortLived)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const result = await login(env, ['--email', address, '--code', code], undefined, shortLived)
    expect([result.code, result.json().reason]).toEqual([3, 'expired_token'])
    expect(result.json().errorMessage).toBe('The code was refused: The code has expired; ask for a new one with login --email alone')
    expect(existsSync(configDir)).toBe(false)
  })

  it('a code never asked for: exit 3, reason invalid_grant', async () => {
    const result = await login(freshMachine().env, ['--email', newAddress(), '--code', '123456'])
    expect([result.code, result.json()]).toEqual([
      3,
      { errorMessage: 'The code was refused: No code was sent to this address; check the code, or ask for a new one with login --email alone', reason: 'invalid_grant' },
    ])
  })

  it('at most 10 codes an hour for one address: the next request is refused (exit 3, reason slow_down)', async () => {
    const address = newAddress()
    for (let sent = 0; sent < 10; sent++) await sendCode(address)
    const result = await login(freshMachine().env, ['--email', address])
    expect([result.code, result.json()]).toEqual([
      3,
      { errorMessage: 'The sign-in server did not send a code: At most 10 codes an hour are sent to one address; wait before asking again', reason: 'slow_down' },
    ])
  })

  it('an unreachable sign-in server: exit 4', async () => {
    const result = await cli(['login', '--email', newAddress(), '--base-url', 'http://127.0.0.1:9'], freshMachine().env)
    expect(result.code).toBe(4)
    expect(result.json().errorMessage).toMatch(/^Could not reach the authorization server at 127\.0\.0\.1:9/)
  })
})

describe("the emulator's outbox", () => {
  it('answers only the emulator token: no token, or a signed-in user’s token, gets 401', async () => {
    const { env, configDir } = freshMachine()
    const address = newAddress()
    await sendCode(address)
    expect((await outbox(address, emulator, 'no-such-token')).status).toBe(401)
    expect((await login(env, ['--email', address, '--code', await latestCode(address)])).code).toBe(0)
    const userToken = JSON.parse(readFileSync(join(configDir, 'credentials.json'), 'utf8')).default.token
    expect((await outbox(address, emulator, userToken)).status).toBe(401)
    const listed = await outbox(address)
    expect([listed.status, listed.body.messages.map((message) => [message.to, message.status])]).toEqual([200, [[address, 'used']]])
  })
})
