/**
 * The fast path: runs a declared command from a table written at build time (scripts/build-fast-path.js)
 * without loading oclif or zod, which cost a short command about four times what Node itself does to
 * start. The command line is parsed by the one parser (command-line.ts) that the oclif classes use too, so
 * a refused command line is reported from here. Help at a terminal, waiting, and commands whose rows hold
 * code (prepare, filters, a flag's own parse) are left to oclif's classes. The table is data from those classes.
 */
import { readFileSync } from 'node:fs'
import type { WireEndpoint } from '../api/endpoint.js'
import type { CommandLineFlag } from './command-line.js'
import type { FieldFlag } from './flag-values.js'
import { satisfies, type ValueSchema } from './schema-checks.js'
import type { OutputFormat } from './output.js'
import type { checkPayload } from './payload-check.js'

/** One command's row of the table: everything needed to parse its argv and send its call. */
export interface FastCommand {
  id: string
  endpoint: WireEndpoint
  /** where the endpoint's zod definition is, for payloads that need its checks: module under dist/, export name */
  schema: { module: string; export: string }
  /** the payload schema checks nothing beyond its fields (no refinements) */
  plainPayload: boolean
  fields: FieldFlag[]
  /** positional arguments (each required), in order */
  args: string[]
  /** each payload field's checks, from its zod schema at build time (schema-checks.ts); undefined: only zod can tell */
  checks: Record<string, ValueSchema | undefined>
  flags: Record<string, CommandLineFlag>
  /** the command's own --format / --query (export format, SQL) shadow the global output flags */
  ownFormat: boolean
  ownQuery: boolean
  download: boolean
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
  const words = argv.slice(found.words)
  const ran = !asksForHelp(words) && (await runFastCommand(found.command, words, version))
  const { createDebug } = await import('../debug.js')
  createDebug('cargo-ai:fast')(`${found.command.id}: ${ran ? 'fast path' : 'left to oclif'}`)
  return ran
}

/** oclif answers --help or -h (package.json: additionalHelpFlags) anywhere before `--` with the command's help. */
function asksForHelp(words: string[]): boolean {
  const end = words.indexOf('--')
  return (end === -1 ? words : words.slice(0, end)).some((word) => word === '--help' || word === '-h')
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

type EndpointDefinitions = Record<string, { payload: Parameters<typeof checkPayload>[0] }>

/** An endpoint module, for its zod payload schemas. */
function loadFromDist(module: string): Promise<EndpointDefinitions> {
  return import(new URL(`../${module}`, import.meta.url).href) as Promise<EndpointDefinitions>
}

/**
 * What DeclaredCommand.run does for a command without prepare, filter or wait. False when the command line
 * asks to wait: the class runs that (spinner, signals, back-off).
 */
export async function runFastCommand(command: FastCommand, words: string[], version: string, loadDefinitions = loadFromDist): Promise<boolean> {
  // loaded once the command line is known to be ours, so that what falls through to oclif pays nothing for them
  const [
    { resolveSession },
    { clientForSession },
    { callEndpoint, checkOutputTarget, collectPayload, deliverDownload, printFor },
    { createFactory },
    { checkOutputOptions, escapeControlCharacters, exitWithError },
    { checkPathUuids, checkPayload },
    { createKeepingTheAnswer, createsSomething },
    { parseCommandLine },
  ] = await Promise.all([
    import('../auth/session.js'),
    import('./api-access.js'),
    import('./declared-run.js'),
    import('./factory.js'),
    import('./output.js'),
    import('./payload-check.js'),
    import('./lost-answers.js'),
    import('./command-line.js'),
  ])
  const factory = createFactory()
  const note = (message: string) => factory.io.stderr.write(`${escapeControlCharacters(message)}\n`)
  try {
    const args = Object.fromEntries(command.args.map((name) => [name, { required: true }]))
    const parsed = await parseCommandLine({ id: command.id.split(':').join(' '), flags: command.flags, args, strict: true }, words)
    if (parsed.flags['wait-until-finished']) return false
    const outputOptions = {
      format: command.ownFormat ? undefined : (parsed.flags.format as OutputFormat),
      query: command.ownQuery ? undefined : (parsed.flags.query as string | undefined),
      // a payload field named raw would be the command's own flag; the table carries the global one otherwise
      raw: !command.fields.some((field) => field.name === 'raw') && parsed.flags.raw === true,
    }
    // the local checks of DeclaredCommand.run, in its order, all before the first request
    await checkOutputOptions(outputOptions)
    const payload = await collectPayload(command.fields, command.args, parsed.args as Record<string, string>, parsed.flags, factory.io.stdin)
    // zod only where the table cannot vouch for a value: it words the errors exactly as the oclif path does
    const unchecked = Object.keys(payload).some((name) => !(command.checks[name] && satisfies(payload[name], command.checks[name])))
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
  return true
}
