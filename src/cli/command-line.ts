/**
 * The one command-line parser, for every command and both starts (the build-time table of fast-path.ts and
 * the oclif classes). Node's util.parseArgs splits the words; the rules a command declares on its oclif flag
 * and argument definitions (allowed values, required, exclusive, dependsOn, defaults, a flag's own parse)
 * are checked here. oclif's own parser never runs: it costs a short command more than half of what Node
 * does to start (bench/README.md), and two parsers would have to be kept equal.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './cli-error.js'
import { normalizeBooleanValues } from './flag-values.js'

/** The properties of an oclif flag definition this parser reads; checkSupported refuses any other rule. */
export interface CommandLineFlag {
  type: 'boolean' | 'option'
  char?: string
  allowNo?: boolean
  options?: readonly string[]
  required?: boolean
  default?: unknown
  exclusive?: readonly string[]
  dependsOn?: readonly string[]
  multiple?: boolean
  hidden?: boolean
  /** older long names that still work (`--file-path` for `--file`) */
  aliases?: string[]
  /** a flag's own conversion or check of its text (oclif's signature; its message names the flag itself) */
  parse?: (input: string, context: unknown, flag: unknown) => Promise<unknown>
}

export interface CommandLineArg {
  required?: boolean
  options?: readonly string[]
}

export interface CommandLineSpec {
  /** as typed, with spaces: named in unknown-flag errors */
  id: string
  flags: Record<string, CommandLineFlag>
  args: Record<string, CommandLineArg>
  /** false: extra words are allowed and returned in `argv` */
  strict: boolean
}

export interface ParsedCommandLine {
  flags: Record<string, unknown>
  args: Record<string, string | undefined>
  /** every positional word, in order */
  argv: string[]
}

/** oclif flag and argument properties that change parsing and that this parser does not implement. */
const UNSUPPORTED_RULES = ['relationships', 'exactlyOne', 'env', 'delimiter', 'multipleNonGreedy', 'allowStdin', 'charAliases']

/** The rules of `flags` this parser would ignore; a test runs it over every command. */
export function unsupportedRules(flags: Record<string, object>): string[] {
  return Object.entries(flags).flatMap(([name, flag]) =>
    UNSUPPORTED_RULES.filter((rule) => {
      const value = (flag as Record<string, unknown>)[rule]
      return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0)
    }).map((rule) => `--${name}: ${rule}`),
  )
}

export async function parseCommandLine(spec: CommandLineSpec, words: string[]): Promise<ParsedCommandLine> {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  const aliasOf = new Map<string, string>()
  for (const [name, flag] of Object.entries(spec.flags)) {
    const type = flag.type === 'boolean' ? 'boolean' : 'string'
    options[name] = { type, ...(flag.char ? { short: flag.char } : {}) }
    for (const alias of flag.aliases ?? []) {
      options[alias] = { type }
      aliasOf.set(alias, name)
    }
  }
  const tokens = parseArgs({
    args: normalizeBooleanValues(words, spec.flags),
    options,
    strict: false,
    allowPositionals: true,
    allowNegative: true,
    tokens: true,
  }).tokens
  const given = new Map<string, unknown[]>()
  const positional: string[] = []
  const unknown: string[] = []
  for (const token of tokens) {
    if (token.kind === 'positional') positional.push(token.value)
    if (token.kind !== 'option') continue
    const short = !token.rawName.startsWith('--')
    // parseArgs reads `--no-x` as x negated even where `no-x` is a flag's own name (login --no-browser)
    const typed = !short && Object.hasOwn(spec.flags, token.rawName.slice(2)) ? token.rawName.slice(2) : token.name
    const name = aliasOf.get(typed) ?? typed
    const negated = typed !== token.rawName.slice(2) && token.rawName.startsWith('--no-')
    const known = Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined
    // parseArgs names an undeclared short flag by its letter, which may also be a long flag's name
    const flag = known && (!short || known.char === token.rawName.slice(1)) ? known : undefined
    if (!flag || (negated && !(flag.type === 'boolean' && flag.allowNo))) {
      unknown.push(token.rawName)
      // an unknown flag's value, if any, is read as a positional word by parseArgs; oclif's message names only the flag
      continue
    }
    const values = given.get(name) ?? []
    if (flag.type === 'boolean') {
      if (token.inlineValue) throw new UsageError(`--${name} takes no value, or true/false; got ${JSON.stringify(token.value)}`)
      values.push(!negated)
    } else {
      if (token.value === undefined || (!token.inlineValue && isFlagWord(token.value, spec.flags))) {
        throw new UsageError(`Flag ${describeFlag(name, flag)} expects a value`)
      }
      if (flag.options && !flag.options.includes(token.value)) {
        throw new UsageError(`Expected --${name}=${token.value} to be one of: ${flag.options.join(', ')}`)
      }
      values.push(token.value)
    }
    if (values.length > 1 && !flag.multiple) throw new UsageError(`Flag --${name} can only be specified once`)
    given.set(name, values)
  }
  if (unknown.length > 0) {
    const { unknownFlagError } = await import('./suggestions.js')
    throw unknownFlagError(unknown, spec.flags, spec.id)
  }
  const args = positionalArgs(spec, positional)
  checkFlagRules(spec.flags, given)
  const flags: Record<string, unknown> = {}
  for (const [name, flag] of Object.entries(spec.flags)) {
    const values = given.get(name)
    if (values) flags[name] = flag.multiple ? await Promise.all(values.map((value) => convert(name, flag, value))) : await convert(name, flag, values[0])
    else if (flag.default !== undefined) flags[name] = typeof flag.default === 'function' ? await flag.default({ flags }) : flag.default
  }
  return { flags, args, argv: positional }
}

function positionalArgs(spec: CommandLineSpec, positional: string[]): Record<string, string | undefined> {
  const names = Object.keys(spec.args)
  if (spec.strict && positional.length > names.length) {
    const extra = positional.slice(names.length)
    throw new UsageError(`Unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(', ')}`)
  }
  const missing = names.filter((name, index) => spec.args[name].required && positional[index] === undefined)
  if (missing.length > 0) throw new UsageError(`Missing required argument${missing.length > 1 ? 's' : ''}: ${missing.map((name) => `<${name}>`).join(', ')}`)
  const args: Record<string, string | undefined> = {}
  names.forEach((name, index) => {
    const value = positional[index]
    const options = spec.args[name].options
    if (value !== undefined && options && !options.includes(value)) throw new UsageError(`Expected ${value} to be one of: ${options.join(', ')}`)
    args[name] = value
  })
  return args
}

/** required, exclusive and dependsOn, in the order and words oclif used for them: one pass over the definitions. */
function checkFlagRules(flags: Record<string, CommandLineFlag>, given: Map<string, unknown[]>): void {
  const reasons: string[] = []
  let conflictSeen = false
  for (const [name, flag] of Object.entries(flags)) {
    if (!given.has(name)) {
      if (flag.required) reasons.push(`Missing required flag --${name}`)
      continue
    }
    const absent = flag.dependsOn?.filter((other) => !given.has(other)) ?? []
    if (absent.length > 0) reasons.push(`All of the following must be provided when using --${name}: ${absent.map((other) => `--${other}`).join(', ')}`)
    const conflict = flag.exclusive?.find((other) => given.has(other))
    // a conflict is named once, from the side defined first; without its value, which may be a secret (--token)
    if (conflict && !conflictSeen) reasons.push(`--${conflict} cannot also be provided when using --${name}`)
    conflictSeen ||= Boolean(conflict)
  }
  if (reasons.length > 0) throw new UsageError(reasons.join('; '))
}

async function convert(name: string, flag: CommandLineFlag, value: unknown): Promise<unknown> {
  if (flag.type === 'boolean' || !flag.parse) return value
  try {
    return await flag.parse(value as string, undefined, flag)
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(error instanceof Error ? error.message : `--${name}: ${String(error)}`)
  }
}

/** A word that is one of the command's own flags: it cannot be the previous flag's value. */
function isFlagWord(word: string, flags: Record<string, CommandLineFlag>): boolean {
  const long = /^--(?:no-)?([^=]+)/.exec(word)
  if (long) return Object.hasOwn(flags, long[1])
  return /^-[^-]/.test(word) && Object.values(flags).some((flag) => flag.char === word[1])
}

function describeFlag(name: string, flag: CommandLineFlag): string {
  return flag.char ? `--${name} (-${flag.char})` : `--${name}`
}
