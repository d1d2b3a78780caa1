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
  if (/command .* not found/i.test(message)) {
    const { CliError } = await import('./cli-error.js')
    const text = cleanOclifMessage(message).replace(/^command (.*) not found$/i, 'Unknown command: $1')
    return printError(io, new CliError(`${text}. Run \`cargo-ai --help\` to list the commands.`, ExitCode.usage), process.env)
  }
  return printError(io, error, process.env)
}
