import { describe, expect, it } from 'vitest'
import BookDemo, { DEMO_URL } from '../../../src/commands/book-demo.js'
import Doctor from '../../../src/commands/doctor.js'
import Version from '../../../src/commands/version.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand, signedInEnv, TEST_BASE_URL, tempConfigDir } from '../../support/run-command.js'

const packageVersion = (await import('../../../package.json', { with: { type: 'json' } })).default.version

describe('version', () => {
  it('prints the version, Node and platform as JSON', async () => {
    const result = await runCommand(Version, [])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({ version: packageVersion, node: process.versions.node, platform: process.platform, arch: process.arch })
    expect(requests).toEqual([])
  })

  it('takes --query like every command', async () => {
    const result = await runCommand(Version, ['--query', 'version'])
    expect(result.stdout).toBe(`"${packageVersion}"\n`)
  })
})

describe('book-demo', () => {
  it('--no-open prints the URL and opens nothing', async () => {
    const result = await runCommand(BookDemo, ['--no-open'])
    expect(result.exitCode).toBe(0)
    expect(result.json()).toEqual({ url: DEMO_URL, opened: false })
  })

  it('opens no browser where nobody sees it (not a terminal)', async () => {
    const result = await runCommand(BookDemo, [])
    expect(result.json()).toEqual({ url: DEMO_URL, opened: false })
  })
})

describe('doctor', () => {
  const env = (extra: NodeJS.ProcessEnv = {}) => signedInEnv({ CARGO_AI_KEYRING: 'off', ...extra })

  it('all checks pass: exit 0, the API latency and the token source reported', async () => {
    stubApi('GET', '/v1/userManagement/users/current', { user: { uuid: 'u-1', email: 'ada@example.com' } })
    const result = await runCommand(Doctor, [], { env: env() })
    expect(result.exitCode).toBe(0)
    const report = result.json()
    expect(report.ok).toBe(true)
    expect(report.checks.cli).toMatchObject({ status: 'ok', version: packageVersion, node: process.versions.node })
    expect(report.checks.credentials).toMatchObject({ status: 'ok', source: 'env', profile: 'default' })
    expect(report.checks.api).toMatchObject({ status: 'ok', baseUrl: TEST_BASE_URL, user: 'ada@example.com' })
    expect(typeof report.checks.api.latencyMs).toBe('number')
    expect(report.checks.keyring).toEqual({ status: 'ok', available: false, message: 'disabled by CARGO_AI_KEYRING' })
    expect(report.checks.config).toMatchObject({ status: 'ok', exists: true })
    expect(requests.map((request) => [request.method, request.path, request.headers.authorization])).toEqual([
      ['GET', '/v1/userManagement/users/current', 'Bearer test-token-123'],
    ])
  })

  it('not signed in, on a machine with no config directory yet: exit 3, nothing sent, nothing created', async () => {
    const dir = `${tempConfigDir()}/missing`
    const result = await runCommand(Doctor, [], { env: { CARGO_AI_CONFIG_DIR: dir, CARGO_AI_KEYRING: 'off' } })
    expect(result.exitCode).toBe(3)
    const report = result.json()
    expect(report.ok).toBe(false)
    expect(report.checks.credentials.status).toBe('error')
    expect(report.checks.config).toMatchObject({ status: 'ok', exists: false })
    expect(report.checks.api.status).toBe('warning')
    expect(requests).toEqual([])
  })

  it('a token the API refuses: exit 3 with the API message', async () => {
    stubApi('GET', '/v1/userManagement/users/current', { errorMessage: 'Invalid token' }, 401)
    const result = await runCommand(Doctor, [], { env: env() })
    expect(result.exitCode).toBe(3)
    expect(result.json().checks.api).toMatchObject({ status: 'error', message: 'The token from CARGO_AI_TOKEN was refused: Invalid token' })
  })

  it('an API that cannot be reached: exit 4, reported, not thrown', async () => {
    const result = await runCommand(Doctor, [], { env: env({ CARGO_AI_BASE_URL: 'http://127.0.0.1:9' }) })
    expect(result.exitCode).toBe(4)
    expect(result.json().checks.api).toMatchObject({ status: 'error', baseUrl: 'http://127.0.0.1:9' })
    expect(result.json().checks.api.message).toMatch(/ECONNREFUSED/)
  })
})
