/**
 * The fast path: runs a declared command from a table written at build time (scripts/build-fast-path.js)
 * without loading oclif or zod, which cost a short command about four times what Node itself does to
 * start. It takes only command lines it understands completely; anything else (help, a wrong or missing
 * flag, waiting, commands with hooks of their own) returns false and goes to oclif, so every error and
 * every help text comes from the one place. The table is data from the oclif classes themselves.
 */
import { readFileSync } from 'node:fs'
import type { WireEndpoint } from '../api/endpoint.js'
import { type FieldFlag, normalizeBooleanValues } from './flag-values.js'
import { meetsChecks, type ValueCheck } from './value-checks.js'
import type { OutputFormat } from './output.js'
import type { checkPayload } from './payload-check.js'

export interface FastFlag {
  type: 'boolean' | 'option'
  char?: string
  allowNo?: boolean
  options?: string[]
  required?: boolean
  default?: string | boolean
  /** names this flag cannot be used with */
  exclusive?: string[]
}

/** One command's row of the table: everything needed to parse its argv and send its call. */
export interface FastCommand {
  id: string
  endpoint: WireEndpoint
  /** where the endpoint's zod definition is, for payloads that need its checks: module under dist/, export name */
  schema: { module: string; export: string }
  /** the payload schema checks nothing beyond its fields (no refinements) */
  plainPayload: boolean
  fields: FieldFlag[]
  args: string[]
  /** each argument's checks, as fields have them (undefined: only zod can tell) */
  argChecks: Record<string, ValueCheck[] | undefined>
  flags: Record<string, FastFlag>
  /** the command's own --format / --query (export format, SQL) shadow the global output flags */
  ownFormat: boolean
  ownQuery: boolean
  download: boolean
}

export interface ParsedArgv {
  flags: Record<string, unknown>
  args: Record<string, string>
}

const TABLE_DIR = new URL('../fast/', import.meta.url)
const MAX_ID_WORDS = 4
/** a word of a command id (`orchestration`, `download-outputs`); anything else is an argument or a flag */
const ID_WORD = /^[a-z][a-zA-Z0-9-]*$/

/** A file of the table for the command `words` (e.g. `.json`, `.help.txt`), or undefined when there is none. */
function readTableFile(words: string[], suffix: string): string | undefined {
  try {
    return readFileSync(new URL(`${words.join('.')}${suffix}`, TABLE_DIR), 'utf8')
  } catch {
    return undefined
  }
}

/** Runs argv on the fast path when it can; false means oclif must take it. */
export async function runFast(argv: string[], version: string): Promise<boolean> {
  if (printRenderedHelp(argv)) return true
  const found = findCommand(argv)
  if (!found) return false
  const parsed = parseFastArgv(found.command, argv.slice(found.words))
  const { createDebug } = await import('../debug.js')
  createDebug('cargo-ai:fast')(`${found.command.id}: ${parsed ? 'fast path' : 'left to oclif'}`)
  if (!parsed) return false
  await runFastCommand(found.command, parsed, version)
  return true
}

/**
 * `<command> --help` into a pipe: the text oclif renders for a pipe (80 columns, no colour), written at build
 * time. A terminal, FORCE_COLOR or OCLIF_COLUMNS changes what oclif prints, so those go to oclif.
 */
function printRenderedHelp(argv: string[]): boolean {
  const words = argv.slice(0, -1)
  const last = argv.at(-1)
  // only --help: oclif takes -h for an unknown flag
  if (last !== '--help' || words.length === 0 || !words.every((word) => ID_WORD.test(word))) return false
  if (process.stdout.isTTY || process.env.FORCE_COLOR || process.env.OCLIF_COLUMNS) return false
  const text = readTableFile(words, '.help.txt')
  if (text === undefined) return false
  process.stdout.write(text)
  return true
}

function findCommand(argv: string[]): { command: FastCommand; words: number } | undefined {
  const words: string[] = []
  for (const token of argv.slice(0, MAX_ID_WORDS)) {
    if (!ID_WORD.test(token)) break
    words.push(token)
  }
  for (let count = words.length; count > 0; count--) {
    const text = readTableFile(words.slice(0, count), '.json')
    if (text === undefined) continue
    try {
      return { command: JSON.parse(text) as FastCommand, words: count }
    } catch {
      return undefined // a damaged table: oclif runs the command
    }
  }
  return undefined
}

/**
 * Parses argv as oclif would for the inputs it accepts: `--name value`, `--name=value`, `-c value`,
 * booleans (`--x`, `--no-x`, `--x true|false`), positional arguments. Undefined for anything oclif would
 * refuse or treat specially, and for forms that are rare enough to leave to oclif (`--`, repeated flags,
 * values starting with a dash).
 */
export function parseFastArgv(command: FastCommand, tokens: string[]): ParsedArgv | undefined {
  let normalized: string[]
  try {
    normalized = normalizeBooleanValues(tokens, command.flags)
  } catch {
    return undefined
  }
  const flags: Record<string, unknown> = {}
  const positional: string[] = []
  for (let index = 0; index < normalized.length; index++) {
    const token = normalized[index]
    if (token === '--' || token === '-') return undefined
    if (!token.startsWith('-')) {
      if (token === '') return undefined
      positional.push(token)
      continue
    }
    let name: string | undefined
    let inline: string | undefined
    const long = /^--([^=]+)(?:=(.*))?$/s.exec(token)
    if (long) [, name, inline] = long
    else name = Object.keys(command.flags).find((candidate) => token === `-${command.flags[candidate].char}`)
    if (!name) return undefined
    let flag = command.flags[name]
    let value: unknown
    if (!flag && name.startsWith('no-') && command.flags[name.slice(3)]?.allowNo && inline === undefined) {
      name = name.slice(3)
      flag = command.flags[name]
      value = false
    } else if (!flag) return undefined
    else if (flag.type === 'boolean') {
      if (inline !== undefined) return undefined
      value = true
    } else {
      value = inline ?? normalized[++index]
      if (typeof value !== 'string' || value === '' || (inline === undefined && value.startsWith('-'))) return undefined
      if (flag.options && !flag.options.includes(value)) return undefined
    }
    if (Object.hasOwn(flags, name)) return undefined
    flags[name] = value
  }
  if (positional.length !== command.args.length) return undefined
  for (const [name, flag] of Object.entries(command.flags)) {
    const given = Object.hasOwn(flags, name)
    if (!given && flag.required) return undefined
    if (given && flag.exclusive?.some((other) => Object.hasOwn(flags, other))) return undefined
  }
  for (const [name, flag] of Object.entries(command.flags)) {
    if (!Object.hasOwn(flags, name) && flag.default !== undefined) flags[name] = flag.default
  }
  // waiting has its spinner, signals and back-off: oclif's class runs it
  if (flags['wait-until-finished']) return undefined
  const args = Object.fromEntries(command.args.map((name, index) => [name, positional[index]]))
  return { flags, args }
}

type EndpointDefinitions = Record<string, { payload: Parameters<typeof checkPayload>[0] }>

/** An endpoint module, for its zod payload schemas. */
function loadFromDist(module: string): Promise<EndpointDefinitions> {
  return import(new URL(`../${module}`, import.meta.url).href) as Promise<EndpointDefinitions>
}

/** What DeclaredCommand.run does for a command without prepare, filter or wait. */
export async function runFastCommand(command: FastCommand, parsed: ParsedArgv, version: string, loadDefinitions = loadFromDist): Promise<void> {
  // loaded once the command line is known to be ours, so that what falls through to oclif pays nothing for them
  const [
    { resolveSession },
    { clientForSession },
    { callEndpoint, checkOutputTarget, collectPayload, deliverDownload, printFor },
    { createFactory },
    { checkOutputOptions, escapeControlCharacters, exitWithError },
    { checkPathUuids, checkPayload },
    { createKeepingTheAnswer, createsSomething },
  ] = await Promise.all([
    import('../auth/session.js'),
    import('./api-access.js'),
    import('./declared-run.js'),
    import('./factory.js'),
    import('./output.js'),
    import('./payload-check.js'),
    import('./lost-answers.js'),
  ])
  const factory = createFactory()
  const note = (message: string) => factory.io.stderr.write(`${escapeControlCharacters(message)}\n`)
  const outputOptions = {
    format: command.ownFormat ? undefined : (parsed.flags.format as OutputFormat),
    query: command.ownQuery ? undefined : (parsed.flags.query as string | undefined),
    // a payload field named raw would be the command's own flag; the table carries the global one otherwise
    raw: !command.fields.some((field) => field.name === 'raw') && parsed.flags.raw === true,
  }
  try {
    // the local checks of DeclaredCommand.run, in its order, all before the first request
    await checkOutputOptions(outputOptions)
    const payload = await collectPayload(command.fields, command.args, parsed.args, parsed.flags, factory.io.stdin)
    // zod only where the table cannot vouch for a value: it words the errors exactly as the oclif path does
    const checks = { ...Object.fromEntries(command.fields.map((field) => [field.field, field.checks])), ...command.argChecks }
    const unchecked = Object.keys(payload).some((name) => !(checks[name] && meetsChecks(payload[name], checks[name])))
    if (!command.plainPayload || unchecked) {
      const definitions = await loadDefinitions(command.schema.module)
      checkPayload(definitions[command.schema.export].payload, payload, command.fields, command.args)
    }
    checkPathUuids(command.endpoint.path, payload, command.fields, command.args)
    await checkOutputTarget(command.download, parsed.flags)
    const session = await resolveSession(factory.env, parsed.flags.profile as string | undefined, note)
    const client = await clientForSession({ factory, version, note }, session)
    // a create keeps its answer through a first Ctrl-C, as DeclaredCommand does
    const result = createsSomething(command.endpoint)
      ? await createKeepingTheAnswer((signal) => client.call(command.endpoint, payload as never, { signal }), command.endpoint, payload, factory.onInterrupt, note)
      : await callEndpoint(client, command.endpoint, payload)
    if (command.download && !parsed.flags['url-only']) await deliverDownload(client, factory, result, parsed.flags, outputOptions)
    else await printFor(factory, result, outputOptions)
  } catch (error) {
    await exitWithError(factory.io, error, factory.env)
  }
}
