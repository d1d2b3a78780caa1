// Issue 10, points 1 (sign-in on a fresh machine) and 6 (secrets): each describe starts from the repro.
import { spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src/auth/atomic-file.js'
import { ConfigDirError, ensureConfigDir } from '../../src/auth/config-dir.js'
import { readConfig, updateConfig } from '../../src/auth/config-file.js'
import { FileStore } from '../../src/auth/credential-store.js'
import { ownerIsDead, withFileLock } from '../../src/auth/file-lock.js'
import { resolveSession } from '../../src/auth/session.js'
import Login from '../../src/commands/login.js'
import Logout from '../../src/commands/logout.js'
import ProfileUse from '../../src/commands/profile/use.js'
import Whoami from '../../src/commands/whoami.js'
import { redactLibraryDebug } from '../../src/debug.js'
import { runCommand } from '../support/run-command.js'
import { cleanEnv, cli, freshConfigDir, type ServedEmulator, startEmulatorProcess, tempDir } from '../e2e/cli-process.js'

const modeOf = (path: string) => statSync(path).mode & 0o777
const notes = () => {
  const written: string[] = []
  return Object.assign((message: string) => void written.push(message), { written })
}

/** the served emulator's token: the secret these tests look for */
const TOKEN = 'cargo_emulator_token'
let emulator: ServedEmulator
beforeAll(async () => {
  emulator = await startEmulatorProcess(tempDir())
  expect(emulator.token).toBe(TOKEN)
})
afterAll(async () => {
  expect(await emulator?.stop()).toBe(0)
})

describe('1. sign-in on a fresh machine: the config directory is created (0700) by whatever first needs it', () => {
  it('HOME=$(mktemp -d) cargo-ai login --token <t> --base-url <emulator> exits 0 and creates ~/.config/cargo-ai (0700)', async () => {
    const env = cleanEnv({})
    const home = String(env.HOME)
    expect(existsSync(join(home, '.config'))).toBe(false)
    const result = await cli(['login', '--token', emulator.token, '--base-url', emulator.baseUrl], env)
    expect([result.code, result.stdout.includes('ENOENT')]).toEqual([0, false])
    expect(result.json()).toMatchObject({ profile: 'default', credentialStore: 'file', workspace: { uuid: emulator.workspaceUuid } })
    const dir = join(home, '.config', 'cargo-ai')
    expect([modeOf(join(home, '.config')), modeOf(dir), modeOf(join(dir, 'credentials.json')), modeOf(join(dir, 'config.json'))]).toEqual([0o700, 0o700, 0o600, 0o600])
    const who = await cli(['whoami', '--query', 'workspace.uuid'], env)
    expect([who.code, who.json()]).toEqual([0, emulator.workspaceUuid])
  })

  it('logout and profile use on a fresh machine create nothing: nothing to change, and they say so', async () => {
    const dir = freshConfigDir()
    const env = { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' }
    const logout = await runCommand(Logout, [], { env })
    expect([logout.exitCode, logout.json(), logout.stderr]).toEqual([
      0,
      { profile: 'default', loggedOut: true, removedCredentials: false },
      'Nothing to forget: no credentials are stored for profile default.\n',
    ])
    const use = await runCommand(ProfileUse, ['staging'], { env })
    expect([use.exitCode, use.json()]).toEqual([2, { errorMessage: 'No profile staging; profiles: none (sign in with cargo-ai login)' }])
    expect(existsSync(dir)).toBe(false)
    expect(existsSync(dirname(dir))).toBe(false)
  })

  it('20 parallel logins (different profiles) into a CARGO_AI_CONFIG_DIR that does not exist all succeed and all 20 are stored', async () => {
    const dir = freshConfigDir()
    const env = cleanEnv({ CARGO_AI_CONFIG_DIR: dir })
    const profiles = Array.from({ length: 20 }, (_, index) => `p${String(index).padStart(2, '0')}`)
    const results = await Promise.all(profiles.map((profile) => cli(['login', '--token', emulator.token, '--base-url', emulator.baseUrl, '--profile', profile], env)))
    expect(results.map((result) => [result.code, result.stdout.includes('errorMessage')])).toEqual(profiles.map(() => [0, false]))
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))).sort()).toEqual(profiles)
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).profiles).sort()).toEqual(profiles)
    expect(modeOf(dir)).toBe(0o700)
  }, 120_000)

  // The class: every writer goes through ensureConfigDir, so none of them can meet a missing directory.
  it.each([
    ['a lock', (dir: string) => withFileLock(join(dir, 'credentials.json'), async () => 'locked')],
    ['an atomic write', (dir: string) => writeFileAtomic(join(dir, 'config.json'), '{}\n')],
    ['a config update', (dir: string) => updateConfig(dir, () => {})],
    ['a credentials write', (dir: string) => new FileStore(dir).set('default', { token: 't0k3n-value' })],
    ['ensureConfigDir itself, 20 times at once', (dir: string) => Promise.all(Array.from({ length: 20 }, () => ensureConfigDir(dir)))],
  ])('%s into a missing directory creates it, 0700, parents included', async (_, write) => {
    const parent = join(tempDir(), 'not', 'there')
    const dir = join(parent, 'cargo-ai')
    await write(dir)
    expect([modeOf(parent), modeOf(dir)]).toEqual([0o700, 0o700])
  })

  it('reading never creates the directory: whoami on a fresh machine is "not signed in" (exit 3) and leaves no trace', async () => {
    const dir = freshConfigDir()
    const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
    expect([result.exitCode, result.json().errorMessage]).toEqual([3, expect.stringMatching(/^Not signed in/)])
    expect(existsSync(dir)).toBe(false)
  })

  it('login --emulator on a fresh machine: the emulator database is created in a 0700 directory', async () => {
    const dir = freshConfigDir()
    const result = await runCommand(Login, ['--emulator'], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
    expect(result.exitCode).toBe(0)
    expect([modeOf(dir), existsSync(join(dir, 'emulator.db'))]).toEqual([0o700, true])
  })
})

describe('6. secrets', () => {
  const token = () => TOKEN

  describe('DEBUG=* (oclif’s own debug output included) never prints a token', () => {
    it.each([
      ['--token <value>', (url: string) => ['login', '--token', token(), '--base-url', url], {}, undefined],
      ['--token=<value>', (url: string) => ['login', `--token=${token()}`, '--base-url', url], {}, undefined],
      ['--token - (standard input)', (url: string) => ['login', '--token', '-', '--base-url', url], {}, `${token()}\n`],
      ['CARGO_AI_TOKEN, through oclif', () => ['whoami'], {}, undefined],
      ['CARGO_AI_TOKEN, on the fast path', () => ['ai', 'agent', 'list', '--query', 'type(agents)'], {}, undefined],
    ])('%s', async (how, argv, extraEnv, stdin) => {
      const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), DEBUG: '*', ...extraEnv })
      if (how.startsWith('CARGO_AI_TOKEN')) Object.assign(env, { CARGO_AI_TOKEN: token(), CARGO_AI_BASE_URL: emulator.baseUrl })
      const result = await cli(argv(emulator.baseUrl), env, stdin)
      expect(result.code).toBe(0)
      // the debug output is there (so the test can fail), with the token hidden
      expect(result.stderr).toMatch(how.includes('fast path') ? /cargo-ai:http → GET/ : /oclif:main process\.argv/)
      expect(result.stdout + result.stderr).not.toContain(token())
      if (how.startsWith('--token <')) expect(result.stderr).toMatch(/'--token',\s+'\[redacted\]'/)
    })

    it('every line the debug package writes is redacted: argv, flags, any namespace', () => {
      const written: string[] = []
      const secret = 'sk_live_reliability_1234'
      redactLibraryDebug(['login', '--token', secret], {}, (text) => written.push(text))
      const debugPackage = createRequire(createRequire(import.meta.url).resolve('@oclif/core'))('debug')
      debugPackage.enable('reliability:*')
      const log = debugPackage('reliability:parser')
      log('argv: %o', ['--token', secret])
      log('flags: %O', { token: secret, nested: { value: `x${secret}y` } })
      log(`input: login --token ${secret}`)
      debugPackage.disable()
      expect(written).toHaveLength(3)
      expect(written.join('')).not.toContain(secret)
      expect(written[0]).toContain("argv: [ '--token', '[redacted]' ]")
    })

    it('the one-time code of an email sign-in is a secret too (--code X, --code=X)', async () => {
      const { redact } = await import('../../src/debug.js')
      redactLibraryDebug(['login', '--email', 'ada@acme.com', '--code', '482913'], {}, () => undefined)
      redactLibraryDebug(['login', '--email', 'ada@acme.com', '--code=771204'], {}, () => undefined)
      expect(redact("argv: [ '--code', '482913' ] then --code=771204")).toBe("argv: [ '--code', '[redacted]' ] then --code=[redacted]")
    })
  })

  describe('DEBUG redaction never garbles the log', () => {
    it.each(['o', 'or'])('CARGO_AI_TOKEN=%s (too short to be a token): not redacted, and the log says so once', async (short) => {
      const env = cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), DEBUG: 'cargo-ai*', CARGO_AI_TOKEN: short, CARGO_AI_BASE_URL: emulator.baseUrl })
      const result = await cli(['orchestration', 'tool', 'list'], env)
      expect(result.code).toBe(3)
      expect(result.stderr).toContain(`cargo-ai:http → GET ${emulator.baseUrl}/v1/orchestration/tools`)
      expect(result.stderr).not.toContain('[redacted]chestration')
      const notice = `cargo-ai a token of ${short.length} character(s) is not redacted in this log: too short to be a real API token, and hiding it would garble every line`
      expect(result.stderr.split('\n').filter((line) => line === notice)).toHaveLength(1)
    })

    it('a short token (under 16 characters) is hidden as a whole word only; a long one wherever it appears', async () => {
      const { redact, registerSecrets } = await import('../../src/debug.js')
      registerSecrets('tools', 'sk_live_0123456789abcdef')
      expect(redact('GET /v1/orchestration/tools?x=1 token tools "tools"')).toBe('GET /v1/orchestration/[redacted]?x=1 token [redacted] "[redacted]"')
      expect(redact('toolset mytools tools.json')).toBe('toolset mytools tools.json')
      expect(redact('q=token%3Dsk_live_0123456789abcdefX')).toBe('q=token%3D[redacted]X')
    })
  })

  describe('the argv window before process.title is set', () => {
    it('bin/run.js sets process.title in its very first statement', () => {
      const statements = readFileSync(join(import.meta.dirname, '..', '..', 'bin', 'run.js'), 'utf8')
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('#!') && !line.trim().startsWith('//'))
      expect(statements[0]).toBe("process.title = 'cargo-ai'")
    })

    const scriptAvailable = spawnSync('script', ['--version']).status === 0
    it.skipIf(!scriptAvailable)('login --token <value> on a terminal says so on stderr, and suggests --token - or CARGO_AI_TOKEN', async () => {
      const bin = join(import.meta.dirname, '..', '..', 'bin', 'run.js')
      const onTerminal = (loginArgs: string) =>
        spawnSync('script', ['-qec', `${process.execPath} ${bin} login ${loginArgs} --base-url ${emulator.baseUrl}`, '/dev/null'], {
          env: cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir() }),
          encoding: 'utf8',
          input: '',
          timeout: 20_000,
        })
      const notice = 'Note: a token on the command line can be kept in shell history and seen in process lists; prefer `--token -` (standard input) or CARGO_AI_TOKEN.'
      const typed = onTerminal(`--token ${token()}`)
      expect([typed.status, typed.stdout]).toEqual([0, expect.stringContaining(notice)])
      // not a terminal: scripts and agents get no notice
      const piped = await cli(['login', '--token', token(), '--base-url', emulator.baseUrl], cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir() }))
      expect([piped.code, piped.stderr.includes('Note: a token')]).toEqual([0, false])
    })
  })

  describe('permission repair never follows a symlink out of the config directory', () => {
    it.each(['config.json', 'credentials.json'])('%s as a symlink to an outside file readable by others: the target keeps its mode, a notice says why', async (name) => {
      const dir = tempDir()
      const outside = join(tempDir(), 'someone-elses-file')
      writeFileSync(outside, name === 'config.json' ? '{}' : '{"default":{"token":"t0k3n-value"}}')
      chmodSync(outside, 0o644)
      symlinkSync(outside, join(dir, name))
      const notify = notes()
      if (name === 'config.json') await readConfig(dir, notify)
      else await new FileStore(dir, notify).get('default')
      expect(modeOf(outside)).toBe(0o644)
      expect(notify.written).toEqual([expect.stringContaining(`${join(dir, name)} is a symbolic link to a file readable by other users (mode 644)`)])
    })

    it('a symlink to a private file is used quietly; a regular file readable by others is still repaired to 600', async () => {
      const dir = tempDir()
      const outside = join(tempDir(), 'private-config.json')
      writeFileSync(outside, '{"currentProfile":"a","profiles":{"a":{}}}', { mode: 0o600 })
      symlinkSync(outside, join(dir, 'config.json'))
      const quiet = notes()
      expect((await readConfig(dir, quiet)).currentProfile).toBe('a')
      expect(quiet.written).toEqual([])

      writeFileSync(join(dir, 'credentials.json'), '{}', { mode: 0o644 })
      chmodSync(join(dir, 'credentials.json'), 0o644)
      const repaired = notes()
      await new FileStore(dir, repaired).get('default')
      expect(modeOf(join(dir, 'credentials.json'))).toBe(0o600)
      expect(repaired.written).toEqual([expect.stringContaining('was readable by other users (mode 644); its mode is now 600')])
    })
  })

  describe('a config directory writable by others', () => {
    it('ours (mode 777): repaired to 700 with a notice, before anything is read or written', async () => {
      const dir = tempDir()
      chmodSync(dir, 0o777)
      const notify = notes()
      await resolveSession({ CARGO_AI_CONFIG_DIR: dir }, undefined, notify)
      expect(modeOf(dir)).toBe(0o700)
      expect(notify.written).toEqual([`The config directory ${dir} was writable by other users (mode 777); its mode is now 700. Check the files in it.`])
    })

    it('ours, through a command: whoami notes the repair on stderr', async () => {
      const dir = tempDir()
      chmodSync(dir, 0o770)
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
      expect(result.stderr).toContain(`The config directory ${dir} was writable by other users (mode 770)`)
      expect(modeOf(dir)).toBe(0o700)
    })

    it.skipIf(process.getuid?.() !== 0)('someone else’s (mode 777): refused with exit 1 and the directory named, nothing read or written', async () => {
      const dir = tempDir()
      chownSync(dir, 4242, 4242)
      chmodSync(dir, 0o777)
      await expect(updateConfig(dir, () => {})).rejects.toBeInstanceOf(ConfigDirError)
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
      expect(result.exitCode).toBe(1)
      expect(result.json()).toEqual({
        errorMessage: `The config directory ${dir} belongs to another user and others can write to it (mode 777); use a directory of your own (CARGO_AI_CONFIG_DIR)`,
      })
      expect([modeOf(dir), existsSync(join(dir, 'config.json'))]).toEqual([0o777, false])
    })

    it('a shared directory (sticky bit, like /tmp) is refused, never closed: exit 1', async () => {
      const dir = tempDir()
      chmodSync(dir, 0o1777)
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
      expect([result.exitCode, result.json().errorMessage]).toEqual([1, `The config directory ${dir} is shared with other users (mode 1777); use a directory of your own (CARGO_AI_CONFIG_DIR)`])
      expect(statSync(dir).mode & 0o7777).toBe(0o1777)
    })

    it('one made before cargo-ai with mode 755 is left as it is: only write access for others is a risk', async () => {
      const dir = join(tempDir(), 'cfg')
      mkdirSync(dir)
      chmodSync(dir, 0o755)
      const notify = notes()
      await updateConfig(dir, () => {}, notify)
      expect([modeOf(dir), notify.written]).toEqual([0o755, []])
    })

    it('a config "directory" that is a file: refused (exit 1), not written through', async () => {
      const file = join(tempDir(), 'not-a-directory')
      writeFileSync(file, 'x')
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: file, CARGO_AI_KEYRING: 'off' } })
      expect([result.exitCode, result.json().errorMessage]).toEqual([1, `The config directory ${file} is not a directory; set CARGO_AI_CONFIG_DIR to a directory of yours`])
    })
  })

  describe('a corrupt credentials.json is reported as corrupt (exit 1, path named), not as "not signed in"', () => {
    function signedInWithFile(credentials: string) {
      const dir = tempDir()
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ currentProfile: 'default', profiles: { default: { credentialStore: 'file', baseUrl: emulator.baseUrl } } }), { mode: 0o600 })
      writeFileSync(join(dir, 'credentials.json'), credentials, { mode: 0o600 })
      return dir
    }

    it.each([
      ['truncated JSON', '{"default":{"tok', 'not valid JSON'],
      ['the wrong shape', '{"default":{"token":42}}', 'not valid cargo-ai credentials'],
      ['an empty file', '', 'not valid JSON'],
    ])('%s', async (_, content, why) => {
      const dir = signedInWithFile(content)
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
      expect(result.exitCode).toBe(1)
      expect(result.json()).toEqual({ errorMessage: `${join(dir, 'credentials.json')} is corrupt (${why}); remove it and sign in again` })
    })

    it('a corrupt config.json likewise (exit 1, path named)', async () => {
      const dir = tempDir()
      writeFileSync(join(dir, 'config.json'), '{"profiles":', { mode: 0o600 })
      const result = await runCommand(Whoami, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
      expect([result.exitCode, result.json().errorMessage]).toEqual([1, `${join(dir, 'config.json')} is corrupt (not valid JSON); fix it or remove it and sign in again`])
    })
  })

  describe('a lock file whose owner process is dead is taken over at once', () => {
    const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid

    it('a fresh lock left by a dead process does not delay a login’s write', async () => {
      const dir = tempDir()
      writeFileSync(join(dir, 'credentials.json.lock'), `${deadPid()} 0123456789abcdef\n`)
      const started = Date.now()
      await new FileStore(dir).set('default', { token: 't0k3n-value' })
      // without the takeover: 20 s of waiting, then an error
      expect(Date.now() - started).toBeLessThan(3000)
      expect(JSON.parse(readFileSync(join(dir, 'credentials.json'), 'utf8'))).toEqual({ default: { token: 't0k3n-value' } })
      expect(existsSync(join(dir, 'credentials.json.lock'))).toBe(false)
    })

    it('the age fallback stays: a lock whose owner cannot be told (no pid) is taken over once older than 30 s', async () => {
      const dir = tempDir()
      const lock = join(dir, 'config.json.lock')
      writeFileSync(lock, '')
      const minuteAgo = new Date(Date.now() - 60_000)
      utimesSync(lock, minuteAgo, minuteAgo)
      const started = Date.now()
      await updateConfig(dir, (config) => void (config.currentProfile = 'taken-over'))
      expect(Date.now() - started).toBeLessThan(3000)
      expect((await readConfig(dir)).currentProfile).toBe('taken-over')
    })

    it('who counts as dead: a pid that does not exist; not a live process, not this one, not an unreadable lock', () => {
      expect(ownerIsDead(`${deadPid()} nonce\n`)).toBe(true)
      expect(ownerIsDead(`${process.ppid} nonce\n`)).toBe(false)
      expect(ownerIsDead(`${process.pid} nonce\n`)).toBe(false)
      expect(ownerIsDead('')).toBe(false)
      expect(ownerIsDead('not-a-pid\n')).toBe(false)
      expect(ownerIsDead('-5 nonce\n')).toBe(false)
    })

    it('a holder never removes a lock that is no longer its own', async () => {
      const dir = tempDir()
      const lock = join(dir, 'credentials.json.lock')
      await withFileLock(join(dir, 'credentials.json'), async () => {
        writeFileSync(lock, '4242 taken-over-by-another\n')
      })
      expect(readFileSync(lock, 'utf8')).toBe('4242 taken-over-by-another\n')
    })
  })
})

describe("issue 11, point 3: the real CLI's variables, on the fast path and through oclif alike", () => {
  // `ai agent list` runs on the fast path, `whoami` through oclif: both resolve the session in session.ts.
  const paths = [
    ['the fast path', ['ai', 'agent', 'list', '--query', 'type(agents)']],
    ['oclif', ['whoami', '--query', 'workspace.uuid']],
  ] as const
  const real = (extra: NodeJS.ProcessEnv) => cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), DEBUG: 'cargo-ai:fast', CARGO_BASE_URL: emulator.baseUrl, ...extra })

  it.each(paths)('%s: CARGO_API_TOKEN, CARGO_BASE_URL and CARGO_WORKSPACE_UUID sign in', async (path, argv) => {
    const result = await cli([...argv], real({ CARGO_API_TOKEN: TOKEN, CARGO_WORKSPACE_UUID: emulator.workspaceUuid }))
    expect([result.code, result.json()]).toEqual([0, path === 'oclif' ? emulator.workspaceUuid : 'array'])
    if (path === 'the fast path') expect(result.stderr).toContain('ai:agent:list: fast path')
  })

  it.each(paths)('%s: a refused CARGO_API_KEY, or a CARGO_WORKSPACE_UUID the token may not use, is named (exit 3)', async (_path, argv) => {
    const refused = await cli([...argv], real({ CARGO_API_KEY: 'not-a-token' }))
    expect([refused.code, refused.json()]).toEqual([3, { errorMessage: 'The token from CARGO_API_KEY was refused: Unauthorized', status: 401 }])
    const elsewhere = await cli([...argv], real({ CARGO_API_TOKEN: TOKEN, CARGO_WORKSPACE_UUID: '00000000-0000-4000-8000-00000000ffff' }))
    expect([elsewhere.code, elsewhere.json()]).toEqual([3, { errorMessage: 'The token from CARGO_API_TOKEN was refused: Forbidden', status: 403 }])
  })

  it.each(paths)('%s: a malformed CARGO_BASE_URL is exit 2 naming it', async (_path, argv) => {
    const result = await cli([...argv], real({ CARGO_API_TOKEN: TOKEN, CARGO_BASE_URL: 'localhost:4010' }))
    expect([result.code, result.json()]).toEqual([2, { errorMessage: 'CARGO_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "localhost:4010"' }])
  })

  it('DEBUG=* never prints a token from CARGO_API_TOKEN or CARGO_API_KEY', async () => {
    for (const variable of ['CARGO_API_TOKEN', 'CARGO_API_KEY']) {
      const result = await cli(['whoami'], real({ DEBUG: '*', [variable]: TOKEN }))
      expect([result.code, result.stderr.includes('cargo-ai:http')]).toEqual([0, true])
      expect(result.stdout + result.stderr).not.toContain(TOKEN)
    }
  })
})

describe('issue 11, point 5: login --token from a machine whose current profile is the emulator', () => {
  it('is checked against the API that CARGO_BASE_URL names (the served emulator here), not the embedded one', async () => {
    const env = cleanEnv({})
    expect((await cli(['login', '--emulator'], env)).code).toBe(0)
    // a token that only the served emulator knows: the embedded one would refuse it
    const created = await cli(['workspaceManagement', 'token', 'create', '--name', 'ci', '--query', 'token.token'], cleanEnv({ CARGO_AI_CONFIG_DIR: freshConfigDir(), CARGO_AI_TOKEN: TOKEN, CARGO_AI_BASE_URL: emulator.baseUrl }))
    expect(created.code).toBe(0)
    const served = { ...env, CARGO_BASE_URL: emulator.baseUrl }
    const result = await cli(['login', '--token', '-'], served, `${created.json()}\n`)
    expect([result.code, result.json().profile, result.json().baseUrl]).toEqual([0, 'default', emulator.baseUrl])
    const profiles = await cli(['profile', 'list', '--query', 'profiles[].[name, current]'], env)
    expect(profiles.json()).toEqual([
      ['default', true],
      ['emulator', false],
    ])
  })

  it('with no base URL anywhere it goes to the real API (unreachable here: exit 4), and the emulator profile stays current', async () => {
    const env = cleanEnv({ HTTPS_PROXY: 'http://127.0.0.1:9' })
    expect((await cli(['login', '--emulator'], env)).code).toBe(0)
    const result = await cli(['login', '--token', 'some-token'], env)
    expect(result.code).toBe(4)
    expect(result.json().errorMessage).toMatch(/api\.getcargo\.io|127\.0\.0\.1:9/)
    expect((await cli(['whoami', '--query', 'profile'], env)).json()).toBe('emulator')
  })
})
