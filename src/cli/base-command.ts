import { Command } from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import type { CargoClient } from '../api/client.js'
import { resolveSession, type Session } from '../auth/session.js'
import { type ApiAccess, clientForSession } from './api-access.js'
import { createFactory, type Factory } from './factory.js'
import { normalizeBooleanValues } from './flag-values.js'
import { printFor } from './declared-run.js'
import { CliError, UsageError } from './cli-error.js'
import { checkOutputOptions, cleanOclifMessage, escapeControlCharacters, exitWithError, type OutputFormat } from './output.js'

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
    description: "Strings go in single quotes ([?name=='Acme']); a backtick literal is JSON ([?count==`3`]), or text as the AWS CLI reads it ([?name==`Company enrichment`]).",
    helpGroup: 'GLOBAL',
  }),
  raw: Flags.boolean({
    summary: 'Print a string without quotes and a list one item per line, for shell capture (like jq -r).',
    description: 'null prints an empty line; an object still prints as JSON. Errors stay JSON objects.',
    allowNo: true,
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
  protected outputOptions: { format?: OutputFormat; query?: string; raw?: boolean } = {}

  /**
   * Parses argv after turning `--flag true|false` into oclif's boolean form. Whatever the parser refuses
   * (a flag given twice, a flag without its value, an unknown flag) is a usage error, exit 2; so are
   * --format and --query values that the output would refuse after the request.
   */
  protected async parseArgv<T extends typeof Command>(command: T) {
    this.argv = normalizeBooleanValues(this.argv, { ...command.baseFlags, ...command.flags })
    let parsed
    try {
      parsed = await this.parse(command, this.argv)
    } catch (error) {
      if (error instanceof CliError) throw error
      const unknown = (error as { flags?: unknown }).flags
      if (error instanceof Error && error.constructor.name === 'NonExistentFlagsError' && Array.isArray(unknown)) {
        const { unknownFlagError } = await import('./suggestions.js')
        throw unknownFlagError(unknown, { ...command.baseFlags, ...command.flags }, (command.id ?? '').split(':').join(' '))
      }
      throw new UsageError(cleanOclifMessage(error instanceof Error ? error.message : String(error)))
    }
    const global = parsed.flags as { format?: string; query?: string; raw?: boolean }
    // A command's own --query (SQL, search text), --format (export format) or --raw (a diagram's text) shadows the global one.
    const own = command.flags ?? {}
    this.outputOptions = {
      format: Object.hasOwn(own, 'format') ? undefined : (global.format as OutputFormat),
      query: Object.hasOwn(own, 'query') ? undefined : global.query,
      raw: Object.hasOwn(own, 'raw') ? undefined : global.raw,
    }
    await checkOutputOptions(this.outputOptions)
    return parsed
  }

  protected session(profile?: string): Promise<Session> {
    this.sessionPromise ??= resolveSession(this.factory.env, profile, (message) => this.note(message))
    return this.sessionPromise
  }

  /** A client for the current session (see clientForSession). */
  protected async client(profile?: string): Promise<CargoClient> {
    return clientForSession(this.access, await this.session(profile))
  }

  protected get access(): ApiAccess {
    return { factory: this.factory, version: this.config.version, note: (message) => this.note(message) }
  }

  protected print(result: unknown): Promise<void> {
    return printFor(this.factory, result, this.outputOptions)
  }

  /** A notice on stderr; API data in it cannot drive the terminal (escapeControlCharacters). */
  protected note(message: string): void {
    this.factory.io.stderr.write(`${escapeControlCharacters(message)}\n`)
  }

  async catch(error: Error): Promise<void> {
    // A refused command line has been parsed, and reported below: oclif's "did not parse" warning (outside production) would only add noise.
    this.parsed = true
    await exitWithError(this.factory.io, error, this.factory.env)
  }
}
