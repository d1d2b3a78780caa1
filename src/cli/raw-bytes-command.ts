/**
 * Commands that read a file's bytes straight from an API call (content file read-bytes, context runtime
 * read-bytes): not JSON and not a signed URL, but a body sent with the Cargo headers. The bytes are streamed
 * as downloads are (download.ts): to --output, written beside it and renamed when complete, or to stdout.
 */
import * as Args from '@oclif/core/args'
import * as Flags from '@oclif/core/flags'
import type { Arg, Flag } from '@oclif/core/interfaces'
import type { CallOptions, CargoClient } from '../api/client.js'
import type { Endpoint } from '../api/endpoint.js'
import { BaseCommand } from './base-command.js'
import { CliError } from './cli-error.js'
import { checkOutputTarget, collectPayload, deliverDownload } from './declared-run.js'
import { reportError } from './output.js'
import { checkPathUuids, checkPayload } from './payload-check.js'
import { payloadFields } from './payload-flags.js'

export interface RawBytesDeclaration {
  endpoint: Endpoint
  summary: string
  description?: string
  examples: string[]
  /** payload fields taken from positional arguments, with their descriptions */
  args?: Record<string, string>
}

/**
 * The API's refusal, as the command reports it: the download code would read a 401 or 403 as an expired
 * signed URL, which this call does not use.
 */
function asCommandError(error: unknown): never {
  const { body, exitCode } = reportError(error)
  const { errorMessage, ...fields } = body
  throw new CliError(errorMessage, exitCode, fields)
}

export function defineRawBytesCommand(declaration: RawBytesDeclaration) {
  const { endpoint } = declaration
  const argNames = Object.keys(declaration.args ?? {})
  const fields = payloadFields(endpoint.payload)
    .filter((field) => !argNames.includes(field.field))
    .map((field) => ({ ...field, name: field.flag }))
  const flags: Record<string, Flag<string | undefined>> = {
    output: Flags.string({ char: 'o', summary: 'Write the bytes to this file instead of standard output.' }),
  }
  for (const field of fields) {
    flags[field.name] = Flags.string({ summary: field.description ?? field.field, required: field.required, helpGroup: field.required ? 'REQUIRED' : undefined })
  }
  const args: Record<string, Arg<string>> = {}
  for (const [name, description] of Object.entries(declaration.args ?? {})) args[name] = Args.string({ description, required: true }) as Arg<string>

  return class RawBytesCommand extends BaseCommand {
    static summary = declaration.summary
    static description = declaration.description
    static examples = declaration.examples
    static flags = flags
    static args = args
    static strict = true

    async run(): Promise<void> {
      const parsed = await this.parseArgv(RawBytesCommand)
      const parsedFlags = parsed.flags as Record<string, unknown>
      const payload = await collectPayload(fields, argNames, parsed.args as Record<string, string>, parsedFlags, this.factory.io.stdin)
      checkPayload(endpoint.payload, payload, fields, argNames)
      checkPathUuids(endpoint.path, payload, fields, argNames)
      await checkOutputTarget(true, parsedFlags)
      const client: CargoClient = await this.client(parsedFlags.profile as string | undefined)
      const source = {
        download: (_url: string, options?: CallOptions) => client.callForBytes(endpoint, payload as never, options).catch(asCommandError),
      }
      await deliverDownload(source, this.factory, { url: endpoint.path }, parsedFlags, this.outputOptions)
    }
  }
}
