/**
 * Shell completion scripts, generated from the command list (the oclif manifest): command words at
 * each level, then the flags of the command reached. Static tables, so a TAB never starts node.
 */
export interface CompletableCommand {
  id: string
  aliases?: string[]
  flags: Record<string, { summary?: string; description?: string; type?: string; options?: readonly string[] }>
}

export type Shell = 'bash' | 'zsh' | 'fish'

interface Level {
  /** command words that may follow */
  words: Set<string>
  /** flags, when this path is a command */
  flags?: Array<{ name: string; help: string }>
}

/** path (words joined by spaces, '' for the root) → what may follow */
function levels(commands: CompletableCommand[]): Map<string, Level> {
  const table = new Map<string, Level>()
  const level = (path: string) => {
    let found = table.get(path)
    if (!found) table.set(path, (found = { words: new Set() }))
    return found
  }
  level('')
  // oclif lists each older id of a renamed command as a command of its own: those work but are not offered
  const offered = commands.filter((command) => !(command.aliases ?? []).includes(command.id))
  for (const command of offered.sort((a, b) => a.id.localeCompare(b.id))) {
    const words = command.id.split(':')
    words.forEach((word, index) => level(words.slice(0, index).join(' ')).words.add(word))
    level(words.join(' ')).flags = Object.entries(command.flags)
      .map(([name, flag]) => ({ name, help: (flag.summary ?? flag.description ?? '').split('\n')[0] }))
      .concat({ name: 'help', help: 'Show help' })
  }
  return table
}

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`

function bashScript(bin: string, table: Map<string, Level>): string {
  const fn = `_${bin.replace(/\W/g, '_')}_complete`
  const cases = [...table.entries()].map(([path, level]) => {
    const options = [...level.words, ...(level.flags ?? []).map((flag) => `--${flag.name}`)].join(' ')
    return `    ${quote(path)}) options=${quote(options)} ;;`
  })
  return `# ${bin} completion for bash (and zsh through bashcompinit)
${fn}() {
  local current="\${COMP_WORDS[COMP_CWORD]}" path="" word index options=""
  for ((index = 1; index < COMP_CWORD; index++)); do
    word="\${COMP_WORDS[index]}"
    [[ "$word" == -* ]] && break
    path="\${path:+$path }$word"
  done
  case "$path" in
${cases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$options" -- "$current"))
}
complete -o default -F ${fn} ${bin}
`
}

function zshScript(bin: string, table: Map<string, Level>): string {
  return `#compdef ${bin}
# ${bin} completion for zsh: the bash tables, through bashcompinit
(( $+functions[compdef] )) || { autoload -U compinit && compinit }
autoload -U +X bashcompinit && bashcompinit
${bashScript(bin, table)}`
}

function fishScript(bin: string, table: Map<string, Level>): string {
  const at = `__${bin.replace(/\W/g, '_')}_at`
  const lines = [
    `# ${bin} completion for fish`,
    `# ${at} PATH: true when the command words typed so far are PATH`,
    `function ${at}`,
    '  set -l words (commandline -opc)',
    '  set -e words[1]',
    '  set -l path',
    '  for word in $words',
    "    string match -q -- '-*' $word; and break",
    '    set path $path $word',
    '  end',
    '  test "$path" = "$argv[1]"',
    'end',
    `complete -c ${bin} -f`,
  ]
  for (const [path, level] of table) {
    const condition = quote(`${at} "${path}"`)
    if (level.words.size > 0) lines.push(`complete -c ${bin} -n ${condition} -a ${quote([...level.words].join(' '))}`)
    for (const flag of level.flags ?? []) lines.push(`complete -c ${bin} -n ${condition} -l ${flag.name} -d ${quote(flag.help)}`)
  }
  return `${lines.join('\n')}\n`
}

export function completionScript(shell: Shell, bin: string, commands: CompletableCommand[]): string {
  const table = levels(commands)
  if (shell === 'fish') return fishScript(bin, table)
  return shell === 'zsh' ? zshScript(bin, table) : bashScript(bin, table)
}
