import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import type { Arg, Flag } from '@oclif/core/interfaces'
import type { CargoClient } from '../api/client.js'
import type { Endpoint, PayloadOf, ResultOf } from '../api/endpoint.js'
import { createDebug } from '../debug.js'
import { BaseCommand } from './base-command.js'
import { CliError, ExitCode, UsageError } from './cli-error.js'
import { callEndpoint, checkOutputTarget, collectPayload, deliverDownload } from './declared-run.js'
import type { InterruptSource } from './factory.js'
import { createKeepingTheAnswer, createsSomething, sendKeepingTheAnswer } from './lost-answers.js'
import { reportError } from './output.js'
import { checkTimerMs, type FieldFlag, type FlagKind, parseDuration, parseInteger } from './flag-values.js'
import { checkPathUuids, checkPayload } from './payload-check.js'
import { payloadFields } from './payload-flags.js'
import { latchInterrupts, startSpinner, WaitFailure, waitUntilFinished, type WaitPolicy } from './wait.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- oclif flags of any value type
type AnyFlag = Flag<any>
type ParsedFlags = Record<string, unknown>

export interface CommandContext {
  client: CargoClient
  flags: ParsedFlags
}

/** One command, as data (DESIGN.md): the endpoint, its words, and the few things that differ from the payload. */
export interface CommandDeclaration<E extends Endpoint = Endpoint> {
  endpoint: E
  /** older ids of a renamed command (space-separated, as users type them); they keep working */
  aliases?: string[]
  summary: string
  description?: string
  examples: string[]
  /** payload fields taken from positional arguments, in order, with their descriptions */
  args?: Record<string, string>
  /** payload fields offered under another flag name, or with another description */
  flagOverrides?: Record<string, { name?: string; description?: string }>
  /** CLI-only flags (not sent) */
  extraFlags?: Record<string, AnyFlag>
  /** groups of flag names that cannot be used together */
  exclusive?: string[][]
  /** adds --wait-until-finished, --wait-timeout, --polling-interval and --exit-status */
  wait?: WaitPolicy
  /** the command exists to wait (run wait, batch wait): no --wait-until-finished, it always waits */
  waitAlways?: boolean
  /** the result holds signed URL(s) to stream: adds --output and --url-only */
  download?: boolean
  /** extra calls before the main one (e.g. resolve a missing field) */
  prepare?: (payload: PayloadOf<E>, context: CommandContext) => Promise<PayloadOf<E>>
  /** client-side filtering of the result, for flags the API does not take */
  filterResult?: (result: ResultOf<E>, flags: ParsedFlags, context: CommandContext & { payload: PayloadOf<E> }) => unknown
}

const waitFlags = {
  'wait-until-finished': Flags.boolean({ summary: 'Poll until the operation reaches a final status, then print its final state.' }),
  'wait-timeout': Flags.string({ summary: 'With waiting: give up after this long (e.g. 90s, 10m, 1h); the operation keeps running.' }),
  'polling-interval': Flags.string({ summary: 'With waiting: milliseconds between polls (default: 2000 for runs, 5000 for batches).' }),
  'exit-status': Flags.boolean({ summary: 'With waiting: exit 5 when the operation ends in error, cancelled or skipped.' }),
}

const downloadFlags = {
  output: Flags.string({ char: 'o', summary: 'Write the downloaded content to this file instead of standard output.' }),
  'url-only': Flags.boolean({ summary: "Print the API's answer (the signed URL) instead of downloading." }),
}

function fieldFlags(declaration: CommandDeclaration): FieldFlag[] {
  const argFields = new Set(Object.keys(declaration.args ?? {}))
  return payloadFields(declaration.endpoint.payload)
    .filter((field) => !argFields.has(field.field))
    .map((field) => {
      const override = declaration.flagOverrides?.[field.field]
      return { ...field, name: override?.name ?? field.flag, description: override?.description ?? field.description }
    })
}

function oclifFlag(field: FieldFlag, exclusive: string[] | undefined): AnyFlag {
  const summary = [field.description ?? field.field, hintFor(field.kind, field.nullable)].filter(Boolean).join(' ')
  const common = { summary, required: field.required, exclusive, helpGroup: field.required ? 'REQUIRED' : undefined }
  if (field.kind === 'boolean') return Flags.boolean({ ...common, allowNo: true }) as AnyFlag
  if (field.kind === 'enum') return Flags.string({ ...common, options: field.options }) as AnyFlag
  return Flags.string({ ...common, ...(field.options ? { description: `Values: ${field.options.join(', ')}` } : {}) }) as AnyFlag
}

function hintFor(kind: FlagKind, nullable: boolean): string {
  const orNull = nullable ? ', or null to clear' : ''
  switch (kind) {
    case 'json':
      return `(JSON${nullable ? ' or null' : ''}; inline, @file or - for stdin)`
    case 'csv':
      return `(comma-separated${orNull})`
    case 'date':
      return `(ISO date or datetime${orNull})`
    default:
      return nullable ? '(null to clear)' : ''
  }
}

export function defineCommand<E extends Endpoint>(declaration: CommandDeclaration<E>) {
  const decl = declaration as unknown as CommandDeclaration
  const fields = fieldFlags(decl)
  const exclusiveOf = (name: string) => {
    const groups = (decl.exclusive ?? []).filter((group) => group.includes(name))
    return groups.length > 0 ? [...new Set(groups.flat().filter((other) => other !== name))] : undefined
  }
  const flags: Record<string, AnyFlag> = {}
  for (const field of fields) flags[field.name] = oclifFlag(field, exclusiveOf(field.name))
  Object.assign(flags, decl.extraFlags)
  if (decl.wait) {
    const { 'wait-until-finished': waitFlag, ...rest } = waitFlags
    Object.assign(flags, decl.waitAlways ? rest : { 'wait-until-finished': waitFlag, ...rest })
  }
  if (decl.download) Object.assign(flags, downloadFlags)
  const argNames = Object.keys(decl.args ?? {})
  const args: Record<string, Arg<string>> = {}
  for (const [name, description] of Object.entries(decl.args ?? {})) {
    args[name] = Args.string({ description, required: true }) as Arg<string>
  }

  const command = class DeclaredCommand extends BaseCommand {
    static aliases = (decl.aliases ?? []).map((alias) => alias.replaceAll(' ', ':'))
    static summary = decl.summary
    static description = decl.description
    static examples = decl.examples
    static flags = flags
    static args = args
    static strict = true

    async run(): Promise<void> {
      const parsed = await this.parseArgv(DeclaredCommand)
      const parsedFlags = parsed.flags as ParsedFlags
      const payload = await this.buildPayload(parsed.args as Record<string, string>, parsedFlags)
      // every local check before the first request: a refusal after a create would lose what it created
      if (decl.wait && (decl.waitAlways || parsedFlags['wait-until-finished'])) this.waitSettings(parsedFlags)
      await checkOutputTarget(Boolean(decl.download), parsedFlags)
      const client = await this.client(parsedFlags.profile as string | undefined)
      const context = { client, flags: parsedFlags }
      const prepared = decl.prepare ? await decl.prepare(payload as never, context) : payload
      let result: unknown = await this.callOrWait(client, prepared, parsedFlags)
      if (result === WAITED) return
      if (decl.download && !parsedFlags['url-only']) return deliverDownload(client, this.factory, result, parsedFlags, this.outputOptions)
      if (decl.filterResult) result = decl.filterResult(result as never, parsedFlags, { ...context, payload: prepared as never })
      await this.print(result)
    }

    private async buildPayload(parsedArgs: Record<string, string>, parsedFlags: ParsedFlags): Promise<Record<string, unknown>> {
      const payload = await collectPayload(fields, argNames, parsedArgs, parsedFlags, this.factory.io.stdin)
      checkPayload(decl.endpoint.payload, payload, fields, argNames)
      checkPathUuids(decl.endpoint.path, payload, fields, argNames)
      return payload
    }

    private async callOrWait(client: CargoClient, payload: Record<string, unknown>, parsedFlags: ParsedFlags): Promise<unknown> {
      const policy = decl.wait
      const waiting = policy && (decl.waitAlways || parsedFlags['wait-until-finished'])
      const waitOptions = waiting ? this.waitSettings(parsedFlags) : undefined
      if (!policy || !waiting || !waitOptions) {
        if (!createsSomething(decl.endpoint)) return callEndpoint(client, decl.endpoint, payload)
        return createKeepingTheAnswer((signal) => client.call(decl.endpoint, payload as never, { signal }), decl.endpoint, payload, this.factory.onInterrupt, (message) => this.note(message))
      }
      // from before the create until the wait ends, a signal never loses what was created
      const interrupts = latchInterrupts(this.factory.onInterrupt)
      try {
        const started = decl.waitAlways ? undefined : await this.startOperation(client, payload, interrupts.source)
        const uuid = decl.waitAlways ? String(payload.uuid) : policy.uuidFrom(started)
        if (!uuid) throw new CliError(`The API did not return the ${policy.noun}'s uuid, so there is nothing to wait for`)
        await this.waitFor(policy, uuid, client, waitOptions, started, Boolean(parsedFlags['exit-status']), interrupts.source)
      } finally {
        interrupts.close()
      }
      return WAITED
    }

    /**
     * The call that starts what is then waited for. A first Ctrl-C lets its answer arrive, so that the
     * uuid to resume with is printed; a second one stops it, saying the operation may exist and how to check.
     */
    private async startOperation(client: CargoClient, payload: Record<string, unknown>, onInterrupt: InterruptSource): Promise<unknown> {
      const send = (signal: AbortSignal) => client.call(decl.endpoint, payload as never, { signal })
      return (await sendKeepingTheAnswer(send, decl.endpoint, payload, onInterrupt, (message) => this.note(message))).result
    }

    private waitSettings(parsedFlags: ParsedFlags) {
      const timeout = parsedFlags['wait-timeout'] as string | undefined
      const interval = parsedFlags['polling-interval'] as string | undefined
      const intervalMs = interval === undefined ? undefined : parseInteger('polling-interval', interval)
      if (intervalMs !== undefined && intervalMs < 100) throw new UsageError('--polling-interval: at least 100 ms')
      if (intervalMs !== undefined) checkTimerMs('--polling-interval', intervalMs)
      return { timeoutMs: timeout === undefined ? undefined : checkTimerMs('--wait-timeout', parseDuration('wait-timeout', timeout)), intervalMs }
    }

    private async waitFor(
      policy: WaitPolicy,
      uuid: string,
      client: CargoClient,
      settings: { timeoutMs?: number; intervalMs?: number },
      started: unknown,
      exitStatus: boolean,
      onInterrupt: InterruptSource,
    ): Promise<void> {
      const { io, clock, env } = this.factory
      const spinner = io.stderrIsTTY && !env.CI ? await startSpinner(io.stderr, `Waiting for ${policy.noun} ${uuid}`, env) : undefined
      let outcome
      try {
        outcome = await waitUntilFinished(
          policy,
          uuid,
          {
            client,
            clock,
            onInterrupt,
            ...settings,
            debug: createDebug('cargo-ai:wait', env, (text) => io.stderr.write(text)),
            onProgress: (status, elapsedMs) => spinner?.update(`Waiting for ${policy.noun} ${uuid}: ${status ?? '…'} (${Math.round(elapsedMs / 1000)} s)`),
          },
          started,
        )
      } catch (error) {
        if (!(error instanceof WaitFailure)) throw error
        // the operation exists and goes on: the error carries its uuid and the command that resumes the wait
        const { body: { errorMessage, ...fields }, exitCode } = reportError(error.cause)
        const last = error.status ?? policy.statusOf(started)
        throw new CliError(
          `${errorMessage} Stopped waiting: ${policy.noun} ${uuid}${last ? ` (last status: ${last})` : ''} keeps running. Resume with: ${this.config.bin} ${policy.resumeCommand} ${uuid}`,
          exitCode,
          { ...fields, reason: fields.reason ?? 'waitFailed', uuid, ...(last ? { lastStatus: last } : {}) },
        )
      } finally {
        spinner?.stop()
      }
      const resume = `${this.config.bin} ${policy.resumeCommand} ${uuid}`
      if (outcome.outcome === 'interrupted') {
        if (outcome.result !== undefined) await this.print(outcome.result)
        this.note(`Stopped waiting (${outcome.signal}); the ${policy.noun} keeps running${outcome.status ? ` (last status: ${outcome.status})` : ''}. Resume with: ${resume}`)
        process.exitCode = ExitCode.interrupted
        return
      }
      if (outcome.outcome === 'timedOut') {
        throw new CliError(
          `Stopped waiting after ${formatDuration(settings.timeoutMs ?? 0)}: ${policy.noun} ${uuid} is still ${outcome.status ?? 'running'} and keeps running. Resume with: ${resume}`,
          ExitCode.unavailable,
          { reason: 'waitTimeout', uuid, ...(outcome.status ? { lastStatus: outcome.status } : {}) },
        )
      }
      await this.print(outcome.result)
      if (exitStatus && policy.failed.includes(outcome.status)) process.exitCode = ExitCode.waitedFailed
    }
  }
  declaredCommands.set(command, { declaration: decl, fields })
  return command
}

/**
 * Each declared class's declaration, read at build time to write the fast path's table
 * (scripts/build-fast-path.js). Not static properties: oclif would copy those into its manifest.
 */
export const declaredCommands = new WeakMap<object, { declaration: CommandDeclaration; fields: FieldFlag[] }>()

const WAITED = Symbol('waited')

function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`
  if (ms % 60_000 === 0) return `${ms / 60_000}m`
  return `${ms / 1000}s`
}

