/** The steps a declared command runs, shared by its oclif class (define-command.ts) and the fast path (fast-path.ts). */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { CallOptions, CargoClient } from '../api/client.js'
import type { WireEndpoint } from '../api/endpoint.js'
import { UsageError } from './cli-error.js'
import type { Factory } from './factory.js'
import { downloadUrls, type StopSignal, streamDownloads } from './download.js'
import { type FieldFlag, flagValue } from './flag-values.js'
import { explainLostAnswer } from './lost-answers.js'
import { noColorWanted, type OutputOptions, printResult, tableWidth } from './output.js'

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

/** Prints a result as --format, --query and --raw ask, in colour only on a terminal that wants it, tables fitted to its width. */
export function printFor(factory: Factory, result: unknown, options: OutputOptions): Promise<void> {
  const { io, env } = factory
  const plain = noColorWanted(env) || !io.stdoutIsTTY
  const width = tableWidth(env, io.stdoutIsTTY ? (io.stdout as { columns?: number }).columns : undefined)
  return printResult(io.stdout, result, { ...options, plain, terminal: io.stdoutIsTTY, width })
}

/**
 * A download's --output must be writable before the request is sent: its directory exists (the file is
 * written beside the target, then renamed) and the target is not a directory. Skipped with --url-only.
 */
export async function checkOutputTarget(download: boolean, flags: Record<string, unknown>): Promise<void> {
  const output = flags.output as string | undefined
  if (!download || output === undefined || flags['url-only']) return
  const target = resolve(output)
  const directory = dirname(target)
  const [directoryStats, targetStats] = await Promise.all([stat(directory).catch(() => undefined), stat(target).catch(() => undefined)])
  if (!directoryStats?.isDirectory()) throw new UsageError(`--output: the directory ${directory} does not exist`)
  if (targetStats?.isDirectory()) throw new UsageError(`--output: ${target} is a directory; name a file`)
  await access(directory, constants.W_OK).catch(() => {
    throw new UsageError(`--output: cannot write in ${directory}`)
  })
}

/** The command's one call; a create whose answer was lost says that it may have taken effect and how to check. */
export async function callEndpoint(client: CargoClient, endpoint: WireEndpoint, payload: Record<string, unknown>, options?: CallOptions): Promise<unknown> {
  try {
    return await client.call(endpoint, payload as never, options)
  } catch (error) {
    throw explainLostAnswer(error, endpoint, payload)
  }
}

/**
 * A download command streams the signed URL(s) its call answered (unless --url-only); anything else is printed.
 * Ctrl-C or SIGTERM stops it (the partial file removed, exit 130 or 143). Once data has gone to stdout, the
 * DownloadError says so (dataOnStdout) and exitWithError reports it on stderr: it cannot be read as the end of the data.
 */
export async function deliverDownload(client: Pick<CargoClient, 'download'>, factory: Factory, result: unknown, flags: Record<string, unknown>, options: OutputOptions): Promise<void> {
  const stop = new AbortController()
  let stoppedBy: StopSignal | undefined
  const unsubscribe = factory.onInterrupt((signal) => {
    stoppedBy ??= signal
    stop.abort()
  })
  let summary
  try {
    summary = await streamDownloads(client, downloadUrls(result), {
      output: flags.output as string | undefined,
      stdout: factory.io.stdout,
      signal: stop.signal,
      stoppedBy: () => stoppedBy,
    })
  } finally {
    unsubscribe()
  }
  if (summary.output) await printFor(factory, summary, options)
}
