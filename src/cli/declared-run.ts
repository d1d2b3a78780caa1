/** The steps a declared command runs, shared by its oclif class (define-command.ts) and the fast path (fast-path.ts). */
import type { CargoClient } from '../api/client.js'
import type { Factory } from './factory.js'
import { downloadUrls, streamDownloads } from './download.js'
import { type FieldFlag, flagValue } from './flag-values.js'
import { type OutputOptions, printResult } from './output.js'

/** The payload as the user wrote it: positional arguments, then each given flag converted by its kind. */
export async function collectPayload(
  fields: FieldFlag[],
  argNames: string[],
  parsedArgs: Record<string, string>,
  parsedFlags: Record<string, unknown>,
  stdin: NodeJS.ReadableStream,
): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = {}
  for (const name of argNames) payload[name] = parsedArgs[name]
  for (const field of fields) {
    const raw = parsedFlags[field.name]
    if (raw === undefined) continue
    payload[field.field] = await flagValue(field, raw, stdin)
  }
  return payload
}

/** Prints a result as --format and --query ask, in colour only on a terminal that wants it. */
export function printFor(factory: Factory, result: unknown, options: OutputOptions): Promise<void> {
  const plain = Boolean(factory.env.NO_COLOR) || !factory.io.stdoutIsTTY
  return printResult(factory.io.stdout, result, { ...options, plain })
}

/** A download command streams the signed URL(s) its call answered (unless --url-only); anything else is printed. */
export async function deliverDownload(client: CargoClient, factory: Factory, result: unknown, flags: Record<string, unknown>, options: OutputOptions): Promise<void> {
  const summary = await streamDownloads(client, downloadUrls(result), { output: flags.output as string | undefined, stdout: factory.io.stdout })
  if (summary.output) await printFor(factory, summary, options)
}
