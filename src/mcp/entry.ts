/**
 * `cargo-ai mcp` started without oclif, as the fast path runs declared commands (src/cli/fast-path.ts): agent
 * hosts start the server often and wait for its `initialize`. It takes only the plain stdio forms (`mcp`,
 * `--server <uuid>`, `--remote`, `--profile <name>`); help, --port and anything it does not know go to oclif,
 * so every usage error and help text still comes from the one command (src/commands/mcp.ts).
 */
import type { McpFlags } from './start.js'

interface PlainMcpArgv extends McpFlags {
  profile?: string
}

/** The flags of a plain stdio command line, or undefined when oclif must read it. */
export function plainMcpArgv(words: string[]): PlainMcpArgv | undefined {
  const flags: PlainMcpArgv = {}
  const valued = { '--server': 'server', '--profile': 'profile' } as const
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    if (word === '--remote' && !flags.remote) {
      flags.remote = true
      continue
    }
    const [name, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined]
    const key = Object.hasOwn(valued, name) ? valued[name as keyof typeof valued] : undefined
    if (!key || flags[key] !== undefined) return undefined
    const value = inline ?? words[++index]
    if (value === undefined || value === '' || value.startsWith('-')) return undefined
    flags[key] = value
  }
  // the exclusive pair is oclif's to refuse, with its message
  if (flags.remote && flags.server) return undefined
  return flags
}

/** Serves and returns true, or returns false at once (nothing written) for oclif to take the command line. */
export async function runMcpWithoutOclif(argv: string[], version: string): Promise<boolean> {
  if (argv[0] !== 'mcp') return false
  const flags = plainMcpArgv(argv.slice(1))
  if (!flags) return false
  const [{ createFactory }, { escapeControlCharacters, exitWithError, printResult }, { resolveSession }, { clientForSession }, { startMcp }] = await Promise.all([
    import('../cli/factory.js'),
    import('../cli/output.js'),
    import('../auth/session.js'),
    import('../cli/api-access.js'),
    import('./start.js'),
  ])
  const factory = createFactory()
  const { env, io } = factory
  const note = (message: string) => void io.stderr.write(`${escapeControlCharacters(message)}\n`)
  let session: ReturnType<typeof resolveSession> | undefined
  const sessionOnce = () => (session ??= resolveSession(env, flags.profile, note))
  try {
    await startMcp(flags, {
      env,
      io,
      version,
      onInterrupt: factory.onInterrupt,
      note,
      print: (value) => printResult(io.stdout, value),
      session: sessionOnce,
      client: async () => clientForSession({ factory, version, note }, await sessionOnce()),
    })
  } catch (error) {
    await exitWithError(io, error, env)
  }
  return true
}
