import { type CommitDoc } from './documents.js'
import { entriesUnder, folders, linesOf, type TreeFile } from './tree.js'

/**
 * The commands the emulated sandbox runs over the file tree, read-only: pwd, ls, cat, head, wc, grep and
 * git log (the history). Anything else answers exit code 127, as a shell would.
 */

export interface Outcome {
  exitCode: number
  stdout: string
  stderr: string
}

export interface SandboxState {
  files: readonly TreeFile[]
  /** newest first */
  history: readonly CommitDoc[]
}

const ok = (stdout: string): Outcome => ({ exitCode: 0, stdout, stderr: '' })
const fail = (exitCode: number, stderr: string): Outcome => ({ exitCode, stdout: '', stderr: `${stderr}\n` })
const textOf = (file: TreeFile) => file.bytes.toString('utf8')
const clean = (path: string) => path.replace(/^\.(\/|$)/, '').replace(/\/+$/, '')

/** Splits `-abc` style flags from operands; `valued` flags take the next argument. */
function parse(args: readonly string[], valued: string[] = []): { flags: Map<string, string | true>; operands: string[] } {
  const flags = new Map<string, string | true>()
  const operands: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]
    if (arg.startsWith('-') && arg.length > 1 && !/^-\d/.test(arg)) {
      if (valued.includes(arg)) flags.set(arg, args[++index] ?? '')
      else for (const letter of arg.startsWith('--') ? [arg] : arg.slice(1).split('').map((c) => `-${c}`)) flags.set(letter, true)
    } else if (/^-\d+$/.test(arg)) flags.set('-n', arg.slice(1))
    else operands.push(arg)
  }
  return { flags, operands }
}

function withFile(state: SandboxState, command: string, path: string | undefined, use: (file: TreeFile) => Outcome): Outcome {
  if (!path) return fail(1, `${command}: missing file operand`)
  const file = state.files.find((candidate) => candidate.path === clean(path))
  if (file) return use(file)
  const isFolder = folders(state.files).has(clean(path))
  return fail(1, `${command}: ${path}: ${isFolder ? 'Is a directory' : 'No such file or directory'}`)
}

function ls(state: SandboxState, args: readonly string[]): Outcome {
  const { flags, operands } = parse(args)
  const target = clean(operands[0] ?? '.')
  if (state.files.some((file) => file.path === target)) return ok(`${target}\n`)
  if (!folders(state.files).has(target === '.' ? '' : target)) return fail(2, `ls: cannot access '${operands[0]}': No such file or directory`)
  const names = entriesUnder(state.files, target === '.' ? '' : target, 1)
    .map((entry) => entry.name)
    .filter((name) => flags.has('-a') || !name.startsWith('.'))
  if (names.length === 0) return ok('')
  return ok(flags.has('-1') ? `${names.join('\n')}\n` : `${names.join('  ')}\n`)
}

function head(state: SandboxState, args: readonly string[]): Outcome {
  const { flags, operands } = parse(args, ['-n'])
  const count = Number(flags.get('-n') ?? 10)
  return withFile(state, 'head', operands[0], (file) => ok(linesOf(textOf(file)).slice(0, count).map((line) => `${line}\n`).join('')))
}

function wc(state: SandboxState, args: readonly string[]): Outcome {
  const { operands } = parse(args)
  return withFile(state, 'wc', operands[0], (file) => ok(`${linesOf(textOf(file)).length} ${operands[0]}\n`))
}

function grep(state: SandboxState, args: readonly string[]): Outcome {
  const { flags, operands } = parse(args, ['-e'])
  const pattern = (flags.get('-e') as string | undefined) ?? operands.shift()
  if (pattern === undefined) return fail(2, 'usage: grep [-rilnc] PATTERN [PATH...]')
  let matcher: RegExp
  try {
    matcher = new RegExp(pattern, flags.has('-i') ? 'i' : '')
  } catch {
    return fail(2, `grep: invalid pattern: ${pattern}`)
  }
  const targets = operands.length > 0 ? operands.map(clean) : ['']
  const recursive = flags.has('-r') || flags.has('-R')
  const chosen = state.files.filter((file) =>
    targets.some((target) => file.path === target || (recursive && (target === '' || target === '.' || file.path.startsWith(`${target}/`)))),
  )
  const prefix = chosen.length > 1 || recursive
  const out: string[] = []
  for (const file of chosen) {
    const hits = linesOf(textOf(file))
      .map((line, index) => ({ line, number: index + 1 }))
      .filter(({ line }) => matcher.test(line))
    if (hits.length === 0) continue
    if (flags.has('-l')) out.push(file.path)
    else if (flags.has('-c')) out.push(prefix ? `${file.path}:${hits.length}` : String(hits.length))
    else for (const hit of hits) out.push(`${prefix ? `${file.path}:` : ''}${flags.has('-n') ? `${hit.number}:` : ''}${hit.line}`)
  }
  return out.length > 0 ? ok(`${out.join('\n')}\n`) : { exitCode: 1, stdout: '', stderr: '' }
}

function git(state: SandboxState, args: readonly string[]): Outcome {
  if (args[0] !== 'log') return fail(1, `git: '${args[0] ?? ''}' is not available in the sandbox (git log is)`)
  const separator = args.indexOf('--')
  const path = separator >= 0 ? clean(args[separator + 1] ?? '') : undefined
  const { flags } = parse(separator >= 0 ? args.slice(1, separator) : args.slice(1), ['-n'])
  const limit = flags.has('-n') ? Number(flags.get('-n')) : Number.POSITIVE_INFINITY
  const commits = state.history.filter((commit) => !path || commit.paths.includes(path)).slice(0, limit)
  const lines = commits.map((commit) =>
    flags.has('--oneline')
      ? `${commit.sha.slice(0, 7)} ${commit.message}`
      : `commit ${commit.sha}\nAuthor: ${commit.authorEmail}\nDate:   ${commit.createdAt}\n\n    ${commit.message}\n`,
  )
  return ok(lines.length > 0 ? `${lines.join('\n')}\n` : '')
}

export function execute(state: SandboxState, command: string, args: readonly string[]): Outcome {
  switch (command) {
    case 'pwd':
      return ok('/workspace\n')
    case 'ls':
      return ls(state, args)
    case 'cat':
      return withFile(state, 'cat', parse(args).operands[0], (file) => ok(textOf(file)))
    case 'head':
      return head(state, args)
    case 'wc':
      return wc(state, args)
    case 'grep':
      return grep(state, args)
    case 'git':
      return git(state, args)
    default:
      return fail(127, `${command}: command not found (the emulated sandbox runs pwd, ls, cat, head, wc, grep and git log)`)
  }
}
