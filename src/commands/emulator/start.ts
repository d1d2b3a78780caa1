import * as Flags from '@oclif/core/flags'
import { BaseCommand } from '../../cli/base-command.js'
import { UsageError } from '../../cli/cli-error.js'
import { parseInteger } from '../../cli/flag-values.js'

export default class EmulatorStart extends BaseCommand {
  static summary = 'Serve the local Cargo API emulator over HTTP until Ctrl-C.'
  static description = `Prints {baseUrl, token, workspaceUuid} as JSON, then serves. Point the CLI (or any Cargo client) at it
with CARGO_AI_BASE_URL and CARGO_AI_TOKEN, or sign in with login --token <token> --base-url <baseUrl>.
It shares its state with the embedded emulator of login --emulator (same config directory).`
  static examples = [
    '<%= config.bin %> emulator start',
    '<%= config.bin %> emulator start --port 4010',
    'CARGO_AI_BASE_URL=http://127.0.0.1:4010 CARGO_AI_TOKEN=cargo_emulator_token <%= config.bin %> orchestration tool list',
  ]
  static flags = {
    port: Flags.string({ summary: 'Port to listen on (default: a free one).' }),
    host: Flags.string({ summary: 'Interface to bind.', default: '127.0.0.1' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(EmulatorStart)
    const port = flags.port === undefined ? 0 : parseInteger('port', flags.port)
    if (port < 0 || port > 65_535) throw new UsageError('--port: expected 0 to 65535')
    const settings = await emulatorSettings(this.factory.env)
    const session = await this.session(flags.profile)
    const { startEmulatorServer } = await import('../../emulator/server.js')
    const { emulatorDbPath } = await import('../../emulator/in-process.js')
    const server = await startEmulatorServer({ dbPath: emulatorDbPath(session.configDir), host: flags.host, port, ...settings })
    const { token, workspaceUuid } = server.emulator.credentials
    await this.print({ baseUrl: server.url, token, workspaceUuid })
    this.note(`Emulator listening on ${server.url}; Ctrl-C stops it.`)
    const signal = await new Promise<string>((resolve) => {
      const unsubscribe = this.factory.onInterrupt((received) => {
        unsubscribe()
        resolve(received)
      })
    })
    await server.close()
    this.note(`Emulator stopped (${signal}).`)
  }
}

/** Emulator settings read per request (sign-in lifetimes), in seconds: checked here so that a bad value is refused at start. */
const SECONDS_VARIABLES = ['CARGO_AI_EMULATOR_TOKEN_TTL', 'CARGO_AI_EMULATOR_DEVICE_TTL', 'CARGO_AI_EMULATOR_DEVICE_INTERVAL', 'CARGO_AI_EMULATOR_EMAIL_CODE_TTL']

/**
 * The emulator's environment (CARGO_AI_EMULATOR_*), read before anything starts: an invalid value is a
 * usage error (exit 2) that names the variable, not a failure of the server.
 */
async function emulatorSettings(env: NodeJS.ProcessEnv): Promise<{ speed: number; queryTimeoutMs: number; maxBodyBytes: number }> {
  const [{ speedFromEnv }, { queryTimeoutFromEnv }, { maxBodyFromEnv }] = await Promise.all([
    import('../../emulator/kernel/timing.js'),
    import('../../emulator/sql-sandbox.js'),
    import('../../emulator/server.js'),
  ])
  const read = <T>(parse: (env: NodeJS.ProcessEnv) => T): T => {
    try {
      return parse(env)
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error))
    }
  }
  for (const name of SECONDS_VARIABLES) {
    const raw = env[name]?.trim()
    if (raw && !(Number(raw) > 0 && Number.isFinite(Number(raw)))) throw new UsageError(`${name} must be a positive number of seconds, got "${raw}"`)
  }
  return { speed: read(speedFromEnv), queryTimeoutMs: read(queryTimeoutFromEnv), maxBodyBytes: read(maxBodyFromEnv) }
}
