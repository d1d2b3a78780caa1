import { readdirSync, readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { Errors, Parser } from '@oclif/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src/api/errors.js'
import { CliError, ExitCode, NotSignedInError, UsageError } from '../../src/cli/cli-error.js'
import { DownloadError } from '../../src/cli/download.js'
import { exitWithError } from '../../src/cli/output.js'

function capture(): { stream: Writable; text: () => string } {
  let text = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk)
      done()
    },
  })
  return { stream, text: () => text }
}

/** What exitWithError printed and returned, and what it left in process.exitCode. */
async function exitFor(error: unknown, env: NodeJS.ProcessEnv = {}) {
  const stdout = capture()
  const stderr = capture()
  const code = await exitWithError({ stdout: stdout.stream, stderr: stderr.stream }, error, env)
  return { code, processExitCode: process.exitCode, stdout: stdout.text(), stderr: stderr.text() }
}

async function oclifParseError(argv: string[]): Promise<unknown> {
  return Parser.parse(argv, { flags: {}, args: {}, strict: true }).then(
    () => undefined,
    (error: unknown) => error,
  )
}

describe('exitWithError: error → JSON object and exit code', () => {
  let previous: typeof process.exitCode
  beforeEach(() => {
    previous = process.exitCode
    process.exitCode = undefined
  })
  afterEach(() => {
    process.exitCode = previous
  })

  const table: Array<[string, () => unknown, number, Record<string, unknown>]> = [
    ['an API refusal (400) keeps reason and status', () => new ApiError('request', 'No workflow matches.', { status: 404, reason: 'workflowNotFound' }), 1, { errorMessage: 'No workflow matches.', reason: 'workflowNotFound', status: 404 }],
    ['401 is an auth failure', () => new ApiError('authorization', 'Not authorized (HTTP 401)', { status: 401 }), 3, { errorMessage: 'Not authorized (HTTP 401)', status: 401 }],
    ['403 is an auth failure too', () => new ApiError('request', 'Forbidden', { status: 403, reason: 'forbidden' }), 3, { errorMessage: 'Forbidden', reason: 'forbidden', status: 403 }],
    ['a network failure', () => new ApiError('network', 'connect ECONNREFUSED', { code: 'ECONNREFUSED' }), 4, { errorMessage: 'connect ECONNREFUSED' }],
    ['a 5xx', () => new ApiError('server', 'Server error (HTTP 503)', { status: 503 }), 4, { errorMessage: 'Server error (HTTP 503)', status: 503 }],
    ['a CLI usage error', () => new UsageError('--limit: expected a number'), 2, { errorMessage: '--limit: expected a number' }],
    ['not signed in', () => new NotSignedInError('Not signed in.'), 3, { errorMessage: 'Not signed in.' }],
    ['a CLI error with its fields (a wait that stopped, with its resume hint)', () => new CliError('Stopped waiting. Resume with: cargo-ai orchestration run wait r1', ExitCode.unavailable, { reason: 'waitTimeout', uuid: 'r1', lastStatus: 'running' }), 4, { errorMessage: 'Stopped waiting. Resume with: cargo-ai orchestration run wait r1', reason: 'waitTimeout', uuid: 'r1', lastStatus: 'running' }],
    ['a failed wait (--exit-status)', () => new CliError('The run failed.', ExitCode.waitedFailed, { reason: 'runFailed' }), 5, { errorMessage: 'The run failed.', reason: 'runFailed' }],
    ['an interrupted download to a file', () => new DownloadError('Download stopped by SIGINT after 3 bytes.', 130, { reason: 'interrupted' }, false), 130, { errorMessage: 'Download stopped by SIGINT after 3 bytes.', reason: 'interrupted' }],
    ['a command oclif did not find', () => new Error('command orchestration:run:lst not found'), 2, { errorMessage: 'Unknown command orchestration run lst. Run `cargo-ai --help` to list the commands.', reason: 'unknownCommand' }],
    ['anything else', () => new TypeError('boom'), 1, { errorMessage: 'boom' }],
    ['a thrown string', () => 'plain words', 1, { errorMessage: 'plain words' }],
    ['an error without a message', () => new Error(''), 1, { errorMessage: 'Unexpected error' }],
  ]

  it.each(table)('%s', async (_name, makeError, exitCode, body) => {
    const result = await exitFor(makeError())
    expect(result).toEqual({ code: exitCode, processExitCode: exitCode, stdout: `${JSON.stringify(body, null, 2)}\n`, stderr: '' })
  })

  it("oclif's parse errors are usage errors, as one clean line", async () => {
    const result = await exitFor(await oclifParseError(['--nope']))
    expect([result.code, result.processExitCode, JSON.parse(result.stdout)]).toEqual([2, 2, { errorMessage: 'Nonexistent flag: --nope' }])
  })

  it("oclif's own exits (this.exit, after help) print nothing and keep their code", async () => {
    expect(await exitFor(new Errors.ExitError(0))).toEqual({ code: 0, processExitCode: 0, stdout: '', stderr: '' })
    expect(await exitFor(new Errors.ExitError(2))).toEqual({ code: 2, processExitCode: 2, stdout: '', stderr: '' })
  })

  it('a failure after data went to stdout is reported on stderr, stdout left to the data', async () => {
    const error = new DownloadError('Download failed after 10 bytes (socket hang up).', ExitCode.unavailable, { reason: 'downloadIncomplete' }, true)
    const result = await exitFor(error)
    expect(result.stdout).toBe('')
    expect([result.code, result.processExitCode, JSON.parse(result.stderr)]).toEqual([4, 4, { errorMessage: 'Download failed after 10 bytes (socket hang up).', reason: 'downloadIncomplete' }])
  })

  it('shows the stack on stderr only with DEBUG=cargo-ai*', async () => {
    expect((await exitFor(new Error('boom'))).stderr).toBe('')
    const debugged = await exitFor(new Error('boom'), { DEBUG: 'cargo-ai:*' })
    expect(JSON.parse(debugged.stdout)).toEqual({ errorMessage: 'boom' })
    expect(debugged.stderr).toMatch(/^Error: boom\n\s+at /)
  })
})

/**
 * The one exit, kept one: a new code path that sets the exit code from an error itself would skip the
 * output contract. Outside src/cli/output.ts, process.exitCode is only set to a named outcome that is not a
 * failure report (Ctrl-C after an answer was printed, a waited-for failure with --exit-status), or by the
 * listed commands whose output is a report of their own.
 */
describe('every failure leaves through exitWithError', () => {
  const root = new URL('../../', import.meta.url)
  const files = [
    ...readdirSync(new URL('src/', root), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `src/${file}`),
    ...readdirSync(new URL('bin/', root), { encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => `bin/${file}`),
  ]
  const sources = new Map(files.map((file) => [file, readFileSync(new URL(file, root), 'utf8')]))
  // comments may name what they explain
  const codeLines = (file: string) =>
    (sources.get(file) ?? '')
      .split('\n')
      .map((line, index) => ({ line: line.trim(), where: `${file}:${index + 1}` }))
      .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && !line.startsWith('/*'))

  const outcomeCodes = /process\.exitCode = ExitCode\.(interrupted|waitedFailed)\b/
  // doctor prints its checks as the result and exits with the worst check's code
  const ownReports = new Set(['src/commands/doctor.ts'])

  it('the files scanned include the entry points', () => {
    expect(files).toEqual(expect.arrayContaining(['bin/run.js', 'src/cli/base-command.ts', 'src/cli/fast-path.ts', 'src/mcp/entry.ts', 'src/cli/output.ts']))
  })

  it('no other module sets process.exitCode from an error', () => {
    const strays = files
      .filter((file) => file !== 'src/cli/output.ts' && !ownReports.has(file))
      .flatMap(codeLines)
      .filter(({ line }) => /process\.exitCode\s*=(?!=)/.test(line) && !outcomeCodes.test(line))
      .map(({ where, line }) => `${where}: ${line}`)
    expect(strays).toEqual([])
  })

  it('no module prints the error contract itself', () => {
    // the JSON error object is written in one place; other modules map errors with reportError and throw or return them
    const strays = files
      .filter((file) => file !== 'src/cli/output.ts')
      .flatMap(codeLines)
      .filter(({ line }) => /toJson\([^)]*\.body\)|printError\(|handleFatal\(/.test(line))
      .map(({ where, line }) => `${where}: ${line}`)
    expect(strays).toEqual([])
  })

  it('each entry path hands its failures to exitWithError', () => {
    for (const file of ['bin/run.js', 'src/cli/base-command.ts', 'src/cli/fast-path.ts', 'src/mcp/entry.ts']) {
      expect(sources.get(file), file).toMatch(/await exitWithError\(/)
    }
  })
})
