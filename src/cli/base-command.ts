import { Command } from '@oclif/core/command'
import * as Flags from '@oclif/core/flags'
import type { Input, ParserOutput } from '@oclif/core/interfaces'
import type { CargoClient } from '../api/client.js'
import { resolveSession, type Session } from '../auth/session.js'
import { type ApiAccess, clientForSession } from './api-access.js'
import { createFactory, type Factory } from './factory.js'
import { type CommandLineSpec, parseCommandLine } from './command-line.js'
import { printFor } from './declared-run.js'
import { checkOutputOptions, escapeControlCharacters, exitWithError, type OutputFormat } from './output.js'

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

/** What parseArgv gives a command: oclif's output type, so that each command's flags keep their types. */
type ParsedArgv<T extends typeof Command> = T extends Input<infer F, infer B, infer A> ? ParserOutput<F, B, A> : never

/** A command class's definitions, as the parser reads them. */
export function commandLineSpec(command: typeof Command): CommandLineSpec {
  return {
    id: (command.id ?? '').split(':').join(' '),
    flags: { ...command.baseFlags, ...command.flags } as CommandLineSpec['flags'],
    args: (command.args ?? {}) as CommandLineSpec['args'],
    strict: command.strict !== false,
  }
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
   * Parses argv with the one parser (command-line.ts) over the command's own flag and argument definitions.
   * Whatever it refuses is a usage error, exit 2; so are --format and --query values that the output would
   * refuse after the request.
   */
  protected async parseArgv<T extends typeof Command>(command: T): Promise<ParsedArgv<T>> {
    const parsed = await parseCommandLine(commandLineSpec(command), this.argv)
    // oclif warns about commands that never called its parser; this one parsed its own way
    this.parsed = true
    const global = parsed.flags as { format?: string; query?: string; raw?: boolean }
    // A command's own --query (SQL, search text), --format (export format) or --raw (a diagram's text) shadows the global one.
    const own = command.flags ?? {}
    this.outputOptions = {
      format: Object.hasOwn(own, 'format') ? undefined : (global.format as OutputFormat),
      query: Object.hasOwn(own, 'query') ? undefined : global.query,
      raw: Object.hasOwn(own, 'raw') ? undefined : global.raw,
    }
    await checkOutputOptions(this.outputOptions)
    return parsed as unknown as ParsedArgv<T>
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
