import { ExitCode } from './cli-error.js'
import { cleanOclifMessage, printError } from './output.js'

/**
 * Errors that escape before any command runs (unknown command or topic, broken install): still one JSON
 * object on stdout and a documented exit code, never a stack trace (unless DEBUG=cargo-ai*).
 */
export async function handleFatal(error: unknown): Promise<number> {
  const oclif = (error as { oclif?: { exit?: number } })?.oclif
  const message = error instanceof Error ? error.message : String(error)
  if (message.startsWith('EEXIT')) return oclif?.exit ?? 0
  const io = { stdout: process.stdout, stderr: process.stderr }
  // the init hook (hooks/command-words.ts) reports unknown commands with suggestions; this is the fallback
  // should oclif get there first (a hook that failed to load)
  const notFound = /^command (\S+) not found\.?$/i.exec(cleanOclifMessage(message))
  if (notFound) {
    const { CliError } = await import('./cli-error.js')
    const id = notFound[1].split(':').join(' ')
    return printError(io, new CliError(`Unknown command ${id}. Run \`cargo-ai --help\` to list the commands.`, ExitCode.usage, { reason: 'unknownCommand' }), process.env)
  }
  return printError(io, error, process.env)
}
