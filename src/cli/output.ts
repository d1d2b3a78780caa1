import type { Writable } from 'node:stream'
import { ApiError } from '../api/errors.js'
import { debugEnabled } from '../debug.js'
import { CliError, ExitCode } from './cli-error.js'
import { unknownTopLevelCommand } from './suggestions.js'

export type OutputFormat = 'json' | 'table'

export interface OutputOptions {
  format?: OutputFormat
  /** JMESPath expression applied before formatting */
  query?: string
  /** true when the terminal wants no colour (NO_COLOR, not a TTY) */
  plain?: boolean
  /** stdout is a terminal: text results are then shown with their control characters made visible */
  terminal?: boolean
  /** --raw: strings unquoted, a list one item per line (formatRaw) */
  raw?: boolean
  /** the width a table must fit, in columns (tableWidth) */
  width?: number
}

const OUTPUT_FORMATS: readonly string[] = ['json', 'table']

/**
 * Refuses --format and --query values the output would refuse after the request (exit 2): commands check
 * them before anything is sent, so that a create never succeeds only to be reported as a usage error.
 */
export async function checkOutputOptions(options: OutputOptions): Promise<void> {
  if (options.format !== undefined && !OUTPUT_FORMATS.includes(options.format)) {
    throw new CliError(`--format: expected json or table, got ${JSON.stringify(options.format)}`, ExitCode.usage)
  }
  if (options.raw && options.format === 'table') {
    throw new CliError('--raw prints values for a shell to capture and --format table draws them for people: give one of them', ExitCode.usage)
  }
  if (options.query !== undefined) await compileQuery(options.query)
}

/**
 * Control characters from API data, made visible: a name holding `ESC ] 0 ; … BEL` must not retitle the
 * terminal, nor `\r` overwrite what was printed. C0 (but newline, and tab when kept), DEL and C1 become
 * `\xHH`; bidirectional overrides, which reorder what is shown, become `\u202e` and the like.
 */
export function escapeControlCharacters(text: string, keep: { tab?: boolean } = {}): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (char) => {
    if (char === '\t' && keep.tab) return char
    const code = char.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
  })
}

/**
 * Pretty JSON, with DEL and the C1 controls escaped too (JSON.stringify leaves U+007F-U+009F raw, and some
 * terminals act on them): the same JSON value, safe to show.
 */
export function toJson(value: unknown, indent = 2): string {
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export async function formatResult(result: unknown, options: OutputOptions = {}): Promise<string> {
  // Text results (documentation endpoints) print as they are; anything selected by --query is JSON.
  if (typeof result === 'string' && !options.query) {
    const text = options.terminal ? escapeControlCharacters(result, { tab: true }) : result
    return text.endsWith('\n') ? text : `${text}\n`
  }
  let value: unknown = result === undefined ? {} : result
  if (options.query) value = await applyQuery(value, options.query)
  if (options.format === 'table') {
    // loaded only for tables: the fast path's JSON output does not pay for it
    const { renderTable } = await import('./table-output.js')
    return renderTable(value, { plain: options.plain ?? true, width: options.width ?? DEFAULT_TABLE_WIDTH })
  }
  if (options.raw) return formatRaw(value ?? null, options.terminal ?? false)
  return `${toJson(value ?? null)}\n`
}

/**
 * --raw, for shell capture (`uuid=$(… --query uuid --raw)`), as `jq -r` prints: a string without quotes, a
 * number or boolean as its text, null as an empty line (a missing field captures as "", never as the word
 * null), and a list one item per line (a nested object or list in it as one line of compact JSON). An object
 * is printed as JSON: whether the query picks an object is only known after the request, and refusing
 * then would report a create that succeeded as a usage error. Into a pipe or file the values are exact;
 * on a terminal their control characters are made visible, as everywhere else.
 */
export function formatRaw(value: unknown, terminal: boolean): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return `${toJson(value)}\n`
  return (Array.isArray(value) ? value : [value]).map((item) => rawLine(item, terminal)).join('')
}

function rawLine(item: unknown, terminal: boolean): string {
  if (item === null || item === undefined) return '\n'
  if (typeof item === 'object') return `${toJson(item, 0)}\n`
  const text = String(item)
  return `${terminal ? escapeControlCharacters(text, { tab: true }) : text}\n`
}

/** A table's width when neither COLUMNS nor a terminal says: what a pipe, a file or a CI log reads comfortably. */
export const DEFAULT_TABLE_WIDTH = 120
/** Narrower than this, no table is readable; COLUMNS=5 gets this. */
const MIN_TABLE_WIDTH = 20

/**
 * The width --format table fits: COLUMNS when it holds a number (a choice someone exported: `COLUMNS=200`
 * for a wide capture, as Python's get_terminal_size reads it first), else the terminal's, else 120.
 */
export function tableWidth(env: NodeJS.ProcessEnv, terminalColumns: number | undefined): number {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined
  const width = fromEnv || terminalColumns || DEFAULT_TABLE_WIDTH
  return Math.max(MIN_TABLE_WIDTH, width)
}

/** NO_COLOR (https://no-color.org): present and not empty. */
export function noColorWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NO_COLOR)
}

export async function printResult(stdout: Writable, result: unknown, options: OutputOptions = {}): Promise<void> {
  await write(stdout, await formatResult(result, options))
}

export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()))
  })
}

/**
 * Backtick literals as the AWS CLI takes them: JSON (`` `"Company enrichment"` ``, `` `3` ``), or text that is
 * not JSON read as a string (`` `Company enrichment` ``), the form JMESPath's first versions allowed.
 */
async function compileQuery(expression: string) {
  const { compile } = await import('@jmespath-community/jmespath')
  try {
    return compile(expression, { enable_legacy_literals: true })
  } catch (error) {
    throw new CliError(`--query is not a valid JMESPath expression: ${(error as Error).message}`, ExitCode.usage)
  }
}

async function applyQuery(value: unknown, expression: string): Promise<unknown> {
  const [ast, { TreeInterpreter }] = await Promise.all([compileQuery(expression), import('@jmespath-community/jmespath')])
  return TreeInterpreter.search(ast, value as never)
}

export interface ErrorReport {
  body: { errorMessage: string; reason?: string; status?: number; [key: string]: unknown }
  exitCode: number
}

/** One error object and its exit code, whatever was thrown. */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof ApiError) {
    const exitCode =
      error.kind === 'network' ? ExitCode.unavailable
      : error.kind === 'authorization' || error.status === 403 ? ExitCode.auth
      : error.kind === 'server' && (error.status ?? 500) >= 500 ? ExitCode.unavailable
      : ExitCode.failure
    const body: ErrorReport['body'] = { errorMessage: error.message }
    if (error.reason) body.reason = error.reason
    if (error.status) body.status = error.status
    return { body, exitCode }
  }
  if (error instanceof CliError) return { body: { errorMessage: error.message, ...error.fields }, exitCode: error.exitCode }
  const oclifParse = parseErrorMessage(error)
  if (oclifParse) return { body: { errorMessage: oclifParse }, exitCode: ExitCode.usage }
  const message = error instanceof Error ? error.message : String(error)
  // the init hook (hooks/command-words.ts) reports unknown commands with suggestions; this is oclif's own
  // refusal, should it get there first (a hook that failed to load)
  const notFound = /^command (\S+) not found\.?$/i.exec(cleanOclifMessage(message))
  if (notFound) return reportError(unknownTopLevelCommand(notFound[1].split(':').join(' ')))
  return { body: { errorMessage: message || 'Unexpected error' }, exitCode: ExitCode.failure }
}

/** oclif's parse errors (unknown flag, missing flag, bad option) as one clean line. */
function parseErrorMessage(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const name = error.constructor?.name ?? ''
  const isParse = /ParseError|ArgsError|FlagsError|FlagError|OptionError|ValidationError|ConstraintError|SpecError/.test(name) || (error as { parse?: unknown }).parse !== undefined
  if (!isParse) return undefined
  return cleanOclifMessage(error.message)
}

export function cleanOclifMessage(message: string): string {
  const lines = message
    // eslint-disable-next-line no-control-regex
    .replace(/\u001B\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.trim())
    // `Parsing --flag` heads the message of a flag's own parse() refusal (uuid-flag.ts), which names the flag itself
    .filter((line) => line && !/^See more help with/.test(line) && !/^The following errors? occurred:?$/.test(line) && !/^Parsing --[\w-]+$/.test(line))
  const missingArgs = /^Missing \d+ required args?:?$/.exec(lines[0] ?? '')
  if (missingArgs) {
    const names = lines.slice(1).map((line) => `<${line.split(/\s+/)[0]}>`)
    return `Missing required argument${names.length > 1 ? 's' : ''}: ${names.join(', ')}`
  }
  const conflicts = lines.filter((line) => line.includes('cannot also be provided when using'))
  if (conflicts.length > 1) return conflicts[0]
  return lines.map((line) => line.replace(/^Missing required flag (\w[\w-]*)$/, 'Missing required flag --$1')).join('; ')
}

/**
 * The one way out for a failure, on every path (oclif commands, the fast path, the plain `mcp` start,
 * bin/run.js when oclif itself throws): the error contract's JSON object, through reportError, on stdout
 * (on stderr when the error says data already went to stdout, as a download cut short does), a stack only
 * with DEBUG=cargo-ai*, and process.exitCode set. Returns the exit code. oclif's own exits (this.exit,
 * help, version) are not failures: their code is kept and nothing is printed.
 */
export async function exitWithError(io: { stdout: Writable; stderr: Writable }, error: unknown, env: NodeJS.ProcessEnv): Promise<number> {
  const oclifExit = oclifExitCode(error)
  if (oclifExit !== undefined) return (process.exitCode = oclifExit)
  const report = reportError(error)
  const target = (error as { dataOnStdout?: unknown } | undefined)?.dataOnStdout === true ? io.stderr : io.stdout
  await write(target, `${toJson(report.body)}\n`)
  if (debugEnabled('cargo-ai:error', env) && error instanceof Error && error.stack) await write(io.stderr, `${error.stack}\n`)
  return (process.exitCode = report.exitCode)
}

/** The code of oclif's ExitError (thrown by this.exit and after help), or undefined for a real failure. */
function oclifExitCode(error: unknown): number | undefined {
  if (!(error instanceof Error) || !(error.constructor?.name === 'ExitError' || error.message?.startsWith('EEXIT'))) return undefined
  return (error as { oclif?: { exit?: number } }).oclif?.exit ?? 0
}
