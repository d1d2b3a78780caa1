import { CliError, ExitCode } from './cli-error.js'

/**
 * Mistyped flags and command words: what the user probably meant, and the usage errors (exit 2) that say so.
 * Commands are named as they are typed, with spaces (`orchestration run list`), never oclif's `a:b:c`.
 */

/** Edits (insert, delete, substitute, swap two neighbours) between two words, case ignored. */
export function editDistance(typed: string, candidate: string): number {
  const a = typed.toLowerCase()
  const b = candidate.toLowerCase()
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const substitution = rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, substitution)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
    }
  }
  return rows[a.length][b.length]
}

/**
 * The candidates closest to `typed`: a third of its letters may be wrong (at least one), and a candidate
 * that starts with what was typed (`--status` → `--statuses`) always counts. At most three, nearest first.
 */
export function nearest(typed: string, candidates: Iterable<string>): string[] {
  const allowed = Math.max(1, Math.floor(typed.length / 3))
  const scored: Array<{ candidate: string; score: number }> = []
  for (const candidate of new Set(candidates)) {
    const distance = editDistance(typed, candidate)
    const extends_ = typed.length >= 3 && candidate.toLowerCase().startsWith(typed.toLowerCase())
    if (distance <= allowed || extends_) scored.push({ candidate, score: extends_ ? Math.min(distance, 1) : distance })
  }
  if (scored.length === 0) return []
  const best = Math.min(...scored.map((entry) => entry.score))
  return scored
    .filter((entry) => entry.score === best)
    .map((entry) => entry.candidate)
    .sort()
    .slice(0, 3)
}

function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return ''
  const last = suggestions.at(-1)
  return ` Did you mean ${suggestions.length === 1 ? last : `${suggestions.slice(0, -1).join(', ')} or ${last}`}?`
}

/** What oclif knows of one flag, enough to name it and its spellings. */
export interface FlagSpelling {
  char?: string
  aliases?: string[]
  charAliases?: string[]
  hidden?: boolean
  allowNo?: boolean
  type?: string
}

/**
 * The usage error for flags the command does not have, each with its nearest real flag. A hidden older
 * spelling that matches is suggested under the flag's current name.
 */
export function unknownFlagError(unknown: string[], flags: Record<string, FlagSpelling>, command: string): CliError {
  // every spelling the parser accepts, mapped to the name to suggest
  const spellings = new Map<string, string>()
  for (const [name, flag] of Object.entries(flags)) {
    const current = `--${name}`
    if (flag.hidden) continue
    spellings.set(current, current)
    if (flag.type === 'boolean' && flag.allowNo) spellings.set(`--no-${name}`, `--no-${name}`)
    for (const alias of flag.aliases ?? []) spellings.set(`--${alias}`, current)
    if (flag.char) spellings.set(`-${flag.char}`, `-${flag.char}`)
    for (const alias of flag.charAliases ?? []) spellings.set(`-${alias}`, current)
  }
  const typedFlags = unknown.map((flag) => flag.split('=')[0])
  const perFlag = typedFlags.map((typed) => {
    // a short flag (-x) is one letter: only a long spelling is worth comparing
    const matches = typed.startsWith('--') ? nearest(typed.slice(2), [...spellings.keys()].filter((key) => key.startsWith('--')).map((key) => key.slice(2))) : []
    return { typed, suggestions: [...new Set(matches.map((match) => spellings.get(`--${match}`) ?? `--${match}`))] }
  })
  const help = command ? ` Run \`cargo-ai ${command} --help\` to list its flags.` : ' Run the command with --help to list its flags.'
  let message: string
  if (perFlag.length === 1) {
    const [{ typed, suggestions }] = perFlag
    message = `Unknown flag ${typed}.${suggestions.length > 0 ? didYouMean(suggestions) : help}`
  } else {
    const hints = perFlag.filter((entry) => entry.suggestions.length > 0).map((entry) => `${entry.typed}: did you mean ${entry.suggestions.join(' or ')}?`)
    message = `Unknown flags ${typedFlags.join(', ')}.${hints.length > 0 ? ` ${hints.join(' ')}` : help}`
  }
  const suggestions = perFlag.flatMap((entry) => entry.suggestions)
  return new CliError(message, ExitCode.usage, { reason: 'unknownFlag', ...(suggestions.length > 0 ? { suggestions } : {}) })
}

/** One command as oclif lists it; an alias appears as an entry of its own whose id is the alias. */
export interface CommandEntry {
  id: string
  aliases?: string[]
  hidden?: boolean
}

/**
 * The words of every visible command, as a tree. Current ids and older ids (aliases) are both known
 * words; only current ones are listed, so that help and errors show today's names.
 */
export class CommandTree {
  private readonly current = new Set<string>()
  private readonly older = new Set<string>()

  constructor(commands: Iterable<CommandEntry>) {
    for (const command of commands) {
      if (command.hidden) continue
      const isAlias = (command.aliases ?? []).includes(command.id)
      ;(isAlias ? this.older : this.current).add(command.id.split(':').join(' '))
      // aliases declared on the current entry count even if oclif did not list them apart
      if (!isAlias) for (const alias of command.aliases ?? []) this.older.add(alias.split(':').join(' '))
    }
  }

  isCommand(words: string[]): boolean {
    const name = words.join(' ')
    return this.current.has(name) || this.older.has(name)
  }

  /** A group is any leading part of a command id (`orchestration`, `orchestration run`). */
  isGroup(words: string[]): boolean {
    return this.children(words, true).length > 0
  }

  /** The next words under `words`, as full names (`orchestration run list`); current ids unless only older ones exist there. */
  children(words: string[], includeOlder = false): string[] {
    const prefix = words.length === 0 ? '' : `${words.join(' ')} `
    const under = (ids: Set<string>) => {
      const next = new Set<string>()
      for (const id of ids) if (id.startsWith(prefix)) next.add(prefix + id.slice(prefix.length).split(' ')[0])
      return next
    }
    const current = under(this.current)
    const all = includeOlder ? new Set([...current, ...under(this.older)]) : current.size > 0 ? current : under(this.older)
    return [...all].sort()
  }

  /** Current commands whose last words are `words` (`token create` → `workspaceManagement token create`). */
  endingWith(words: string[]): string[] {
    const tail = ` ${words.join(' ')}`
    return [...this.current].filter((id) => id.endsWith(tail)).sort()
  }
}

/**
 * The usage error for a command line whose words name no command, or undefined when they do (or name a
 * group that oclif shows help for). `words` are the leading words oclif took for the command id; `rest`
 * is what follows them. A group alone, or with --help, is left to oclif's help; a group followed by
 * anything else is an error, so that a script sees the failure.
 */
export function commandLineError(words: string[], rest: string[], tree: CommandTree, options: { helpRequested: boolean; helpAvailable: (words: string[]) => boolean }): CliError | undefined {
  if (tree.isCommand(words)) return undefined
  if (words.length > 0 && tree.isGroup(words)) {
    const bare = rest.length === 0 || options.helpRequested
    if (bare && options.helpAvailable(words)) return undefined
    const group = words.join(' ')
    const commands = tree.children(words)
    return new CliError(`${group} needs a command after it: ${commands.join(', ')}.`, ExitCode.usage, { reason: 'missingCommand', commands })
  }
  // a command followed by words it takes no argument for (oclif reads them as more of the id)
  for (let length = words.length - 1; length > 0; length--) {
    if (tree.isCommand(words.slice(0, length))) {
      return new CliError(`Unexpected argument: ${words[length]} (${words.slice(0, length).join(' ')} takes no arguments).`, ExitCode.usage)
    }
  }
  // the longest leading part that is a group; the word after it is the mistake
  let known = 0
  while (known < words.length - 1 && tree.isGroup(words.slice(0, known + 1))) known++
  const group = words.slice(0, known)
  const typed = words[known] ?? ''
  const typedId = words.slice(0, known + 1).join(' ')
  const siblings = tree.children(group, true).map((name) => name.split(' ').at(-1) ?? name)
  // `workspace tokn list` → `workspace token list`: the words after the mistake are kept where they still name something
  const after = words.slice(known + 1)
  const corrected = (word: string) => {
    let fixed = [...group, word]
    for (const next of after) {
      if (!tree.isCommand([...fixed, next]) && !tree.isGroup([...fixed, next])) break
      fixed = [...fixed, next]
    }
    return fixed.join(' ')
  }
  let suggestions = nearest(typed, siblings).map(corrected)
  if (suggestions.length === 0 && group.length === 0) suggestions = tree.endingWith(words).slice(0, 3)
  if (group.length === 0) return unknownTopLevelCommand(typedId, suggestions)
  const commands = tree.children(group)
  return new CliError(`Unknown command ${typedId}.${didYouMean(suggestions)} The commands of ${group.join(' ')} are: ${commands.join(', ')}.`, ExitCode.usage, {
    reason: 'unknownCommand',
    ...(suggestions.length > 0 ? { suggestions } : {}),
    commands,
  })
}

/** An unknown command outside any group: exit 2, with the nearest names when there are some. */
export function unknownTopLevelCommand(typedId: string, suggestions: string[] = []): CliError {
  return new CliError(`Unknown command ${typedId}.${didYouMean(suggestions)} Run \`cargo-ai --help\` to list the commands.`, ExitCode.usage, {
    reason: 'unknownCommand',
    ...(suggestions.length > 0 ? { suggestions } : {}),
  })
}
