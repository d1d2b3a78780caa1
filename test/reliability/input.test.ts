/**
 * Issue 10, points 2 (first bullet), 4 and 5: bad input is refused before anything is sent (exit 2, one JSON
 * error, no request), and API data cannot drive the terminal. Each block starts from the repro and
 * then covers the class. The command-level blocks run twice: through oclif, and on the fast path as
 * bin/run.js takes it (test/support/fast-path-mode.ts); a repro the fast path accepts must run on it.
 */
import { spawn } from 'node:child_process'
import { closeSync, ftruncateSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import * as ai from '../../src/api/endpoints/ai.js'
import * as billing from '../../src/api/endpoints/billing.js'
import * as connection from '../../src/api/endpoints/connection.js'
import * as content from '../../src/api/endpoints/content.js'
import * as orchestration from '../../src/api/endpoints/orchestration.js'
import * as segmentation from '../../src/api/endpoints/segmentation.js'
import * as storage from '../../src/api/endpoints/storage.js'
import * as systemOfRecord from '../../src/api/endpoints/system-of-record.js'
import * as userManagement from '../../src/api/endpoints/user-management.js'
import * as workspaceManagement from '../../src/api/endpoints/workspace-management.js'
import type { Endpoint } from '../../src/api/endpoint.js'
import { UsageError } from '../../src/cli/cli-error.js'
import { checkRealDate, MAX_INPUT_BYTES, readJsonValue } from '../../src/cli/flag-values.js'
import { escapeControlCharacters, formatResult } from '../../src/cli/output.js'
import { payloadFields } from '../../src/cli/payload-flags.js'
import ListChats from '../../src/commands/ai/chat/list.js'
import EmulatorStart from '../../src/commands/emulator/start.js'
import UpdatePlay from '../../src/commands/orchestration/play/update.js'
import CountRuns from '../../src/commands/orchestration/run/count.js'
import CreateRun from '../../src/commands/orchestration/run/create.js'
import DownloadRuns from '../../src/commands/orchestration/run/download.js'
import GetRun from '../../src/commands/orchestration/run/get.js'
import ListRuns from '../../src/commands/orchestration/run/list.js'
import UpdateRecord from '../../src/commands/storage/record/update.js'
import { requests, stubApi } from '../support/api-stub.js'
import { fastPathMode } from '../support/fast-path-mode.js'
import { projectRoot, type RunResult, runCommand, signedInEnv, tempConfigDir, TEST_TOKEN, useFastPath } from '../support/run-command.js'

const WORKFLOW = '00000000-0000-4000-8000-000000000102'
const RUN = '6f1e2d3c-4b5a-4968-8776-655443322110'
const run = { uuid: RUN, workflowUuid: WORKFLOW, status: 'pending' }

/** Exit 2, exactly this error object, and nothing sent. */
function expectRefused(result: RunResult, errorMessage: string | RegExp) {
  expect(result.exitCode).toBe(2)
  const body = result.json()
  expect(Object.keys(body)).toEqual(['errorMessage'])
  if (typeof errorMessage === 'string') expect(body.errorMessage).toBe(errorMessage)
  else expect(body.errorMessage).toMatch(errorMessage)
  expect(requests).toEqual([])
}

/** Every endpoint the CLI can call stubbed the way a served API would answer, so that a wrongly sent request shows up in `requests`. */
function stubRunEndpoints() {
  stubApi('POST', '/v1/orchestration/runs', { run })
  stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { ...run, status: 'success' } })
  stubApi('POST', '/v1/orchestration/runs/count', { count: 0 })
  stubApi('POST', '/v1/orchestration/runs/list', { runs: [], count: 0 })
  stubApi('POST', '/v1/orchestration/runs/download', { url: 'https://files.cargo.test/runs.ndjson' })
  stubApi('PUT', '/v1/orchestration/plays/{uuid}', { play: { uuid: RUN } })
  stubApi('PUT', '/v1/storage/records/update', { record: { id: 'r' } })
}

const mode = fastPathMode()

describe.each([
  { path: 'oclif', fast: false },
  { path: 'the fast path', fast: true },
])('on $path', ({ fast }) => {
  beforeAll(() => useFastPath(fast ? mode : undefined))
  afterAll(() => useFastPath(undefined))

  /** The command ran where it should: on the fast path in the fast block, when the fast path takes such a command line. */
  const expectRanOnFastPath = (command: object) => expect(mode.ran.has(command)).toBe(fast)

  describe('2a: every local check happens before the request', () => {
    it("run create --query 'run.[uuid': exit 2 and no run created", async () => {
      stubRunEndpoints()
      const result = await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', '{}', '--query', 'run.[uuid'])
      expectRefused(result, /^--query is not a valid JMESPath expression: /)
      expectRanOnFastPath(CreateRun)
    })

    it('the same with --wait-until-finished (oclif on both paths): nothing created, nothing polled', async () => {
      stubRunEndpoints()
      const result = await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', '{}', '--wait-until-finished', '--query', 'run.[uuid'])
      expectRefused(result, /^--query is not a valid JMESPath expression: /)
    })

    it('--format outside json|table: exit 2, nothing sent', async () => {
      stubRunEndpoints()
      expectRefused(await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', '{}', '--format', 'xml']), /^Expected --format=xml to be one of: json, table/)
    })

    it('--output in a directory that does not exist, or naming a directory: exit 2 before the export is asked for', async () => {
      stubRunEndpoints()
      const missing = join(tempConfigDir(), 'no-such-dir', 'runs.ndjson')
      expectRefused(await runCommand(DownloadRuns, ['--workflow-uuid', WORKFLOW, '--output', missing]), `--output: the directory ${join(missing, '..')} does not exist`)
      expectRanOnFastPath(DownloadRuns)
      const directory = tempConfigDir()
      expectRefused(await runCommand(DownloadRuns, ['--workflow-uuid', WORKFLOW, '--output', directory]), `--output: ${directory} is a directory; name a file`)
    })

    it('--output is not checked with --url-only, which writes no file', async () => {
      stubRunEndpoints()
      const result = await runCommand(DownloadRuns, ['--workflow-uuid', WORKFLOW, '--output', '/no/such/dir/x', '--url-only'])
      expect([result.exitCode, result.json()]).toEqual([0, { url: 'https://files.cargo.test/runs.ndjson' }])
    })
  })

  describe('4: bad input is refused before it costs anything', () => {
    it('@file larger than 256 MiB: refused from its size, before reading', async () => {
      stubRunEndpoints()
      const path = join(tempConfigDir(), 'huge.json')
      // sparse: takes no disk and no time
      const fd = openSync(path, 'w')
      ftruncateSync(fd, MAX_INPUT_BYTES + 1)
      closeSync(fd)
      const result = await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', `@${path}`])
      expectRefused(result, `--data: ${path} holds more than 256 MiB, the limit for inputs read from @file or -`)
      expectRanOnFastPath(CreateRun)
    })

    it('--data must be a JSON object where the schema takes one (storage record update --data)', async () => {
      stubRunEndpoints()
      for (const [text, got] of [
        ['[1]', 'an array'],
        ['"text"', 'a string'],
        ['3', 'a number'],
        ['true', 'a boolean'],
        ['null', 'null'],
      ]) {
        const result = await runCommand(UpdateRecord, ['--model-uuid', WORKFLOW, '--id', 'r', '--data', text])
        expectRefused(result, `--data must be a JSON object ({"key": value, …}), got ${got}`)
      }
      const ok = await runCommand(UpdateRecord, ['--model-uuid', WORKFLOW, '--id', 'r', '--data', '{"name":"Acme"}'])
      expect(ok.exitCode).toBe(0)
      expect(requests.map((request) => request.body)).toEqual([{ modelUuid: WORKFLOW, id: 'r', data: { name: 'Acme' } }])
      expectRanOnFastPath(UpdateRecord)
    })

    it('dates are real dates: --created-after 2025-13-45 is refused, as are other impossible days and times', async () => {
      stubRunEndpoints()
      expectRefused(await runCommand(CountRuns, ['--created-after', '2025-13-45']), '--created-after: "2025-13-45" is not a real date')
      expectRanOnFastPath(CountRuns)
      expectRefused(await runCommand(CountRuns, ['--created-before', '2025-02-29']), '--created-before: "2025-02-29" is not a real date')
      expectRefused(await runCommand(CountRuns, ['--created-after', '2025-01-31T24:00:00Z']), '--created-after: "2025-01-31T24:00:00Z" is not a real date and time')
      const leapDay = await runCommand(CountRuns, ['--created-after', '2024-02-29T23:59:59.5+02:00'])
      expect([leapDay.exitCode, requests.map((request) => request.body)]).toEqual([0, [{ createdAfter: '2024-02-29T23:59:59.5+02:00' }]])
    })

    it("--statuses '' (and a list of only commas) is refused: an empty list would filter on nothing", async () => {
      stubRunEndpoints()
      for (const text of ['', ',', ' , '])
        expectRefused(await runCommand(CountRuns, ['--statuses', text]), '--statuses: no value given; expected a comma-separated list (leave the flag out for none)')
    })

    it('UUIDs in the URL path: `run get x`, `run get ..` and `play update --uuid nope` are refused', async () => {
      stubRunEndpoints()
      const expected = (label: string, value: string) => `Invalid input: ${label}: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ${JSON.stringify(value)}`
      expectRefused(await runCommand(GetRun, ['x']), expected('<uuid>', 'x'))
      expectRanOnFastPath(GetRun)
      expectRefused(await runCommand(GetRun, ['..']), expected('<uuid>', '..'))
      expectRefused(await runCommand(GetRun, [`${RUN}/cancel`]), expected('<uuid>', `${RUN}/cancel`))
      expectRefused(await runCommand(UpdatePlay, ['--uuid', 'nope', '--name', 'n']), expected('--uuid', 'nope'))
      const upper = await runCommand(GetRun, [RUN.toUpperCase()])
      expect(upper.exitCode).toBe(0)
    })

    it('a single-value flag given twice, or given without its value, is a usage error (exit 2)', async () => {
      stubRunEndpoints()
      expectRefused(await runCommand(GetRun, [RUN, '--query', 'a', '--query', 'b']), 'Flag --query can only be specified once')
      expectRefused(await runCommand(CreateRun, ['--data', '{}', '--workflow-uuid', WORKFLOW, '--workflow-uuid', WORKFLOW]), 'Flag --workflow-uuid can only be specified once')
      expectRefused(await runCommand(GetRun, [RUN, '--query']), 'Flag --query expects a value')
      expectRefused(await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data']), 'Flag --data expects a value')
    })

    it.each([
      ['CARGO_AI_BASE_URL', 'ftp://api.example', 'CARGO_AI_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "ftp://api.example"'],
      ['CARGO_AI_BASE_URL', 'api.getcargo.io', 'CARGO_AI_BASE_URL: expected an http(s) URL such as https://api.getcargo.io, got "api.getcargo.io"'],
      ['HTTPS_PROXY', 'not a url', 'HTTPS_PROXY: expected a proxy URL such as http://proxy.example:3128, got "not a url"'],
      ['HTTP_PROXY', 'proxy.example:3128', 'HTTP_PROXY: expected a proxy URL such as http://proxy.example:3128, got "proxy.example:3128"'],
      ['ALL_PROXY', 'user:secret@proxy', 'ALL_PROXY: expected a proxy URL such as http://proxy.example:3128, got "***@proxy"'],
      ['ALL_PROXY', 'socks5://127.0.0.1:1080', 'ALL_PROXY: socks proxies are not supported; give an http(s) proxy URL such as http://proxy.example:3128'],
      ['CARGO_AI_TIMEOUT', '0', 'CARGO_AI_TIMEOUT: a timeout of "0" would fail every request; give at least 1ms (default 6m)'],
      ['CARGO_AI_TIMEOUT', '600h', 'CARGO_AI_TIMEOUT: at most 2147483647 ms (about 24 days), got 2160000000 ms'],
      ['CARGO_AI_TIMEOUT', 'soon', 'CARGO_AI_TIMEOUT: expected a duration such as 30s or 6m, got "soon"'],
    ])('%s=%j: exit 2 naming the variable, no request', async (name, value, message) => {
      stubRunEndpoints()
      expectRefused(await runCommand(GetRun, [RUN], { env: signedInEnv({ [name]: value }) }), message)
      expectRanOnFastPath(GetRun)
    })

    it('valid proxy and base URLs pass the check', async () => {
      stubRunEndpoints()
      const result = await runCommand(GetRun, [RUN], { env: signedInEnv({ HTTPS_PROXY: 'http://127.0.0.1:3128', NO_PROXY: 'api.cargo.test', CARGO_AI_TIMEOUT: '500h' }) })
      expect([result.exitCode, result.json().run.status]).toEqual([0, 'success'])
    })

    it.each([
      ['CARGO_AI_EMULATOR_SPEED', 'fast', 'CARGO_AI_EMULATOR_SPEED must be a positive number or "instant", got "fast"'],
      ['CARGO_AI_EMULATOR_QUERY_TIMEOUT', '0', 'CARGO_AI_EMULATOR_QUERY_TIMEOUT must be a duration such as 5s or 500ms, got "0"'],
      ['CARGO_AI_EMULATOR_MAX_BODY', '64 megs', 'CARGO_AI_EMULATOR_MAX_BODY must be a size such as 1048576 or 64MiB, got "64 megs"'],
      ['CARGO_AI_EMULATOR_TOKEN_TTL', '-5', 'CARGO_AI_EMULATOR_TOKEN_TTL must be a positive number of seconds, got "-5"'],
      ['CARGO_AI_EMULATOR_EMAIL_CODE_TTL', 'ten', 'CARGO_AI_EMULATOR_EMAIL_CODE_TTL must be a positive number of seconds, got "ten"'],
    ])('emulator start with %s=%j: exit 2 naming the variable, nothing served', async (name, value, message) => {
      const configDir = tempConfigDir()
      const result = await runCommand(EmulatorStart, ['--port', '0'], { env: { CARGO_AI_CONFIG_DIR: configDir, CARGO_AI_KEYRING: 'off', [name]: value } })
      expect([result.exitCode, result.json()]).toEqual([2, { errorMessage: message }])
      expect(result.stderr).not.toMatch(/listening/)
    })

    it('--polling-interval and --wait-timeout beyond the timer limit: exit 2, no run created', async () => {
      stubRunEndpoints()
      const create = ['--workflow-uuid', WORKFLOW, '--data', '{}', '--wait-until-finished']
      expectRefused(await runCommand(CreateRun, [...create, '--polling-interval', '99999999999']), '--polling-interval: at most 2147483647 ms (about 24 days), got 99999999999 ms')
      expectRefused(await runCommand(CreateRun, [...create, '--wait-timeout', '30d']), /^--wait-timeout: expected a duration/)
      expectRefused(await runCommand(CreateRun, [...create, '--wait-timeout', '600h']), '--wait-timeout: at most 2147483647 ms (about 24 days), got 2160000000 ms')
    })
  })

  describe('5: API data cannot drive the terminal', () => {
    const evil = 'EVIL\u001b]0;pwned\u0007'
    const hostile = { uuid: RUN, name: evil, note: 'a\rb\u009b31mc\u202ed', 'key\u001b[2J': 'x' }

    it('a chat named EVIL\\e]0;pwned\\a in --format table: shown escaped, no control character reaches stdout', async () => {
      stubApi('GET', '/v1/ai/chats/list', { chats: [hostile] })
      const result = await runCommand(ListChats, ['--format', 'table'])
      expect(result.exitCode).toBe(0)
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
      expect(result.stdout).toContain('EVIL\\x1b]0;pwned\\x07')
      expect(result.stdout).toContain('a\\x0db\\x9b31mc\\u202ed')
      expect(result.stdout).toContain('key\\x1b[2J')
      expectRanOnFastPath(ListChats)
    })

    it('JSON output escapes every control character (C1 and DEL too) and still parses to the same value', async () => {
      stubApi('GET', '/v1/ai/chats/list', { chats: [{ ...hostile, del: '\u007f' }] })
      const result = await runCommand(ListChats, [])
      expect(result.exitCode).toBe(0)
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
      expect(result.stdout).toContain('"EVIL\\u001b]0;pwned\\u0007"')
      expect(result.json()).toEqual({ chats: [{ ...hostile, del: '\u007f' }] })
    })

    it("an API error message with control characters is escaped in the error object", async () => {
      stubApi('GET', '/v1/ai/chats/list', { errorMessage: `no ${evil}\u009b` }, 400)
      const result = await runCommand(ListChats, [])
      expect(result.exitCode).toBe(1)
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/)
      expect(result.json().errorMessage).toBe(`no ${evil}\u009b`)
    })
  })
})

describe('4: inputs read from @file or - are capped at 256 MiB', () => {
  it('an endless standard input stops at the cap: exit-2 error, the stream read no further', async () => {
    let served = 0
    const endless = Readable.from(
      (function* () {
        const chunk = Buffer.alloc(1024 * 1024, 0x20)
        for (;;) {
          served += chunk.length
          yield chunk
        }
      })(),
    )
    const error = await readJsonValue('data', '-', endless).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).message).toBe('--data: standard input holds more than 256 MiB, the limit for inputs read from @file or -')
    expect(served).toBeLessThanOrEqual(MAX_INPUT_BYTES + 2 * 1024 * 1024)
  })

  it('@/dev/zero (a device: stat says 0 bytes) is counted while read, and stops at the cap', async () => {
    await expect(readJsonValue('data', '@/dev/zero', Readable.from([]))).rejects.toThrow('--data: /dev/zero holds more than 256 MiB, the limit for inputs read from @file or -')
  })

  it('a directory is named as such', async () => {
    const dir = tempConfigDir()
    await expect(readJsonValue('nodes', `@${dir}`, Readable.from([]))).rejects.toThrow(`--nodes: ${dir} is a directory, not a file`)
  })

  it("the repro: `run create --data - < /dev/zero` through the real process fails fast with exit 2 and does not grow", async () => {
    const configDir = tempConfigDir()
    mkdirSync(configDir, { recursive: true })
    const zero = openSync('/dev/zero', 'r')
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'run.js'), 'orchestration', 'run', 'create', '--workflow-uuid', WORKFLOW, '--data', '-'], {
      // a base URL nothing listens on: a request would fail with exit 4, not 2
      env: { PATH: process.env.PATH, HOME: configDir, CARGO_AI_CONFIG_DIR: configDir, CARGO_AI_TOKEN: TEST_TOKEN, CARGO_AI_BASE_URL: 'http://127.0.0.1:9', CARGO_AI_KEYRING: 'off' },
      stdio: [zero, 'pipe', 'pipe'],
    })
    closeSync(zero)
    let stdout = ''
    child.stdout?.on('data', (chunk) => (stdout += chunk))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect([code, JSON.parse(stdout)]).toEqual([2, { errorMessage: '--data: standard input holds more than 256 MiB, the limit for inputs read from @file or -' }])
  })

  it('stdout that cannot be written (/dev/full): the JSON error on stderr, exit 1, no stack trace', async () => {
    const configDir = tempConfigDir()
    const full = openSync('/dev/full', 'w')
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'run.js'), 'orchestration', 'run', 'get', '--help'], {
      env: { PATH: process.env.PATH, HOME: configDir, CARGO_AI_CONFIG_DIR: configDir, CARGO_AI_KEYRING: 'off' },
      stdio: ['ignore', full, 'pipe'],
    })
    closeSync(full)
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect([code, JSON.parse(stderr)]).toEqual([1, { errorMessage: 'Could not write to standard output (ENOSPC)' }])
  })
})

describe('4: the rules behind the checks', () => {
  const endpoints = [ai, billing, connection, content, orchestration, segmentation, storage, systemOfRecord, userManagement, workspaceManagement].flatMap((module) =>
    Object.values(module).filter((value): value is Endpoint => Boolean(value && typeof value === 'object' && 'payload' in value)),
  )

  it('a JSON flag requires an object only where its schema refuses every other kind of JSON value (storage record update --data among them)', () => {
    let objects = 0
    for (const endpoint of endpoints) {
      for (const field of payloadFields(endpoint.payload).filter((candidate) => candidate.kind === 'json')) {
        const schema = endpoint.payload.shape[field.field] as z.ZodType
        const accepted = [[], [{}], 'text', 1, true].filter((value) => schema.safeParse(value).success)
        if (field.object) {
          expect({ endpoint: endpoint.name, field: field.field, accepted }).toEqual({ endpoint: endpoint.name, field: field.field, accepted: [] })
          objects++
        }
      }
    }
    expect(objects).toBeGreaterThan(50)
    const dataOfRecordUpdate = payloadFields(storage.updateRecord.payload).find((field) => field.field === 'data')
    expect(dataOfRecordUpdate?.object).toBe(true)
  })

  it('a date passes exactly when its parts come back unchanged from the calendar', () => {
    const pad = (value: number, width = 2) => String(value).padStart(width, '0')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), (year, month, day, hour) => {
        const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:00:00Z`
        const date = new Date(`${text}`)
        const real = month >= 1 && month <= 12 && day >= 1 && hour <= 23 && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}`)
        let passes = true
        try {
          checkRealDate('d', text)
        } catch {
          passes = false
        }
        expect({ text, passes }).toEqual({ text, passes: real })
      }),
      { numRuns: 2000 },
    )
  })
})

describe('5: the escaping itself', () => {
  it('C0 (but newline), DEL, C1 and bidirectional overrides become visible escapes; other text is unchanged', () => {
    expect(escapeControlCharacters('EVIL\u001b]0;pwned\u0007')).toBe('EVIL\\x1b]0;pwned\\x07')
    expect(escapeControlCharacters('a\tb\r\nc\u0000\u007f\u0085\u009b\u202e\u2066')).toBe('a\\x09b\\x0d\nc\\x00\\x7f\\x85\\x9b\\u202e\\u2066')
    expect(escapeControlCharacters('tab\tkept', { tab: true })).toBe('tab\tkept')
    expect(escapeControlCharacters('Société – 東京 😀 \\x1b')).toBe('Société – 東京 😀 \\x1b')
  })

  it('a text result is escaped on a terminal, and passed through unchanged into a pipe', async () => {
    const text = `# Docs\n\tindented ${'\u001b]0;pwned\u0007'}`
    expect(await formatResult(text, { terminal: true })).toBe('# Docs\n\tindented \\x1b]0;pwned\\x07\n')
    expect(await formatResult(text, { terminal: false })).toBe(`${text}\n`)
  })
})

describe('5: human output on stderr', () => {
  it('the wait spinner shows a hostile uuid from the API escaped (waiting runs through oclif on both paths)', async () => {
    const hostile = 'r\u001b]0;pwned\u0007'
    stubApi('POST', '/v1/orchestration/runs', { run: { ...run, uuid: hostile } })
    stubApi('GET', '/v1/orchestration/runs/{uuid}', { run: { ...run, uuid: hostile, status: 'success' } })
    const result = await runCommand(CreateRun, ['--workflow-uuid', WORKFLOW, '--data', '{}', '--wait-until-finished'], { stderrIsTTY: true })
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('- Waiting for run r\\x1b]0;pwned\\x07\n')
  })
})
