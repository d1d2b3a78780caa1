import { Command } from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import { CargoClient } from '../api/client.js'
import type { FetchLike } from '../api/transport.js'
import { createDebug } from '../debug.js'
import { renewToken, resolveSession, type Session, SessionExpiredError, tokenExpiring } from '../auth/session.js'
import { CliError, ExitCode, NotSignedInError, UsageError } from './cli-error.js'
import { createFactory, type Factory } from './factory.js'
import { normalizeBooleanValues, parseDuration } from './flag-values.js'
import { type OutputFormat, printError, printResult } from './output.js'

/** Global flags of every command that talks to the API. */
export const globalFlags = {
  format: Flags.string({
    summary: 'Output format: json (default) or table.',
    options: ['json', 'table'],
    default: 'json',
    helpGroup: 'GLOBAL',
  }),
  query: Flags.string({
    summary: 'JMESPath expression that selects what to print, e.g. "runs[].uuid".',
    helpGroup: 'GLOBAL',
  }),
  profile: Flags.string({
    summary: 'Sign-in profile to use (default: the current one, or CARGO_AI_PROFILE).',
    helpGroup: 'GLOBAL',
  }),
}

/**
 * Shared behaviour: the factory, the session, the client, output, and the single error handler
 * through which every failure leaves.
 */
export abstract class BaseCommand extends Command {
  static baseFlags = globalFlags

  protected factory: Factory = createFactory()
  private sessionPromise?: Promise<Session>
  protected outputOptions: { format?: OutputFormat; query?: string } = {}

  /** Parses argv after turning `--flag true|false` into oclif's boolean form. */
  protected async parseArgv<T extends typeof Command>(command: T) {
    const flags = command.flags ?? {}
    const booleans = new Set<string>()
    const negatable = new Set<string>()
    for (const [name, flag] of Object.entries({ ...command.baseFlags, ...flags })) {
      if (flag.type === 'boolean') {
        booleans.add(name)
        if ((flag as { allowNo?: boolean }).allowNo) negatable.add(name)
      }
    }
    this.argv = normalizeBooleanValues(this.argv, booleans, negatable)
    const parsed = await this.parse(command, this.argv)
    const global = parsed.flags as { format?: string; query?: string }
    // A command's own --query (SQL, search text) or --format (export format) shadows the global one.
    const own = command.flags ?? {}
    this.outputOptions = {
      format: Object.hasOwn(own, 'format') ? undefined : (global.format as OutputFormat),
      query: Object.hasOwn(own, 'query') ? undefined : global.query,
    }
    return parsed
  }

  protected session(profile?: string): Promise<Session> {
    this.sessionPromise ??= resolveSession(this.factory.env, profile, (message) => this.note(message))
    return this.sessionPromise
  }

  /** A client for the current session; fails with exit 3 when there is no token. OAuth tokens are renewed when they expire and once on a 401. */
  protected async client(profile?: string): Promise<CargoClient> {
    const session = await this.session(profile)
    if (!session.token) throw new NotSignedInError()
    const fetch = session.emulator ? await this.emulatorFetch(session.configDir) : undefined
    const renew = async () => {
      try {
        return await renewToken(session, fetch ?? this.factory.fetch, this.factory.env, (message) => this.note(message))
      } catch (error) {
        if (error instanceof SessionExpiredError) throw new CliError(error.message, ExitCode.auth)
        throw error
      }
    }
    if (tokenExpiring(session.credentials)) await renew()
    return this.clientFor(session.baseUrl, session.token, session.workspaceUuid, fetch, session.credentials?.refreshToken ? renew : undefined)
  }

  /** Loaded only for emulator profiles: it brings SQLite and the whole emulated API. */
  protected async emulatorFetch(configDir: string): Promise<FetchLike> {
    const { inProcessFetch } = await import('../emulator/in-process.js')
    return inProcessFetch(configDir)
  }

  protected clientFor(
    baseUrl: string,
    token: string | undefined,
    workspaceUuid: string | undefined,
    fetch?: FetchLike,
    renewToken?: () => Promise<string | undefined>,
  ): CargoClient {
    const env = this.factory.env
    let timeoutMs: number | undefined
    if (env.CARGO_AI_TIMEOUT) {
      try {
        timeoutMs = parseDuration('CARGO_AI_TIMEOUT', env.CARGO_AI_TIMEOUT)
      } catch {
        throw new UsageError(`CARGO_AI_TIMEOUT: expected a duration such as 30s or 6m, got ${JSON.stringify(env.CARGO_AI_TIMEOUT)}`)
      }
    }
    return new CargoClient({
      baseUrl,
      token,
      workspaceUuid,
      version: this.config.version,
      fetch: fetch ?? this.factory.fetch,
      timeoutMs,
      debug: createDebug('cargo-ai:http', env, (text) => this.factory.io.stderr.write(text)),
      renewToken,
      sleep: (ms, signal) => this.factory.clock.sleep(ms, signal),
    })
  }

  protected async print(result: unknown): Promise<void> {
    const env = this.factory.env
    const plain = Boolean(env.NO_COLOR) || !this.factory.io.stdoutIsTTY
    await printResult(this.factory.io.stdout, result, { ...this.outputOptions, plain })
  }

  protected note(message: string): void {
    this.factory.io.stderr.write(`${message}\n`)
  }

  async catch(error: Error & { oclif?: { exit?: number } }): Promise<void> {
    // oclif's own exit (this.exit) and help/version are not failures to report
    if (error.constructor?.name === 'ExitError' || error.message?.startsWith('EEXIT')) {
      process.exitCode = error.oclif?.exit ?? 0
      return
    }
    process.exitCode = await printError(this.factory.io, error, this.factory.env)
  }
}
