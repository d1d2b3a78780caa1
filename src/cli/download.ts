import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, unlink } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { CargoClient } from '../api/client.js'
import { ApiError } from '../api/errors.js'
import { CliError, ExitCode } from './cli-error.js'

/** The signed URL(s) a download endpoint answered with: `{url}` or `{urls}`. */
export function downloadUrls(result: unknown): string[] {
  const value = (result ?? {}) as { url?: unknown; urls?: unknown }
  if (typeof value.url === 'string') return [value.url]
  if (Array.isArray(value.urls)) return value.urls.filter((url): url is string => typeof url === 'string')
  return []
}

export type StopSignal = 'SIGINT' | 'SIGTERM'

/** 128 + the signal's number, as a shell reports a process ended by it. */
export const SIGNAL_EXIT_CODES: Record<StopSignal, number> = { SIGINT: ExitCode.interrupted, SIGTERM: 143 }

export interface DownloadDestination {
  /** a file; standard output when undefined */
  output?: string
  stdout: Writable
  /** aborts the download (Ctrl-C, SIGTERM) */
  signal?: AbortSignal
  /** which signal aborted it, for the message and the exit code */
  stoppedBy?: () => StopSignal | undefined
}

/**
 * A download that failed. `dataOnStdout`: some of the body already went to standard output, so the
 * error must not be written after it there (it would read as the end of the data).
 */
export class DownloadError extends CliError {
  constructor(
    message: string,
    exitCode: number,
    fields: Record<string, unknown>,
    readonly dataOnStdout: boolean,
  ) {
    super(message, exitCode, fields)
    this.name = 'DownloadError'
  }
}

/**
 * Streams each URL's body, in order, to `output` (written beside the target and renamed when complete,
 * so a failed or interrupted download leaves nothing half-written) or to stdout. Memory stays flat: chunks
 * are written as they arrive, waiting for the destination to drain.
 */
export async function streamDownloads(client: Pick<CargoClient, 'download'>, urls: string[], destination: DownloadDestination): Promise<{ output?: string; bytes: number; files: number }> {
  if (urls.length === 0) throw new CliError('The API returned no download URL')
  const progress = { bytes: 0 }
  if (!destination.output) {
    try {
      for (const url of urls) await copyBody(client, url, destination.stdout, progress, destination.signal)
    } catch (error) {
      throw downloadError(error, progress.bytes, destination, 'standard output')
    }
    return { bytes: progress.bytes, files: urls.length }
  }
  const target = resolve(destination.output)
  const partial = `${target}.partial-${process.pid}`
  const file = createWriteStream(partial, { mode: 0o644 })
  // a write error (disk full) surfaces at the next drain or at `finished`, not as an unhandled event
  file.on('error', () => {})
  try {
    for (const url of urls) await copyBody(client, url, file, progress, destination.signal)
    file.end()
    await finished(file)
    await rename(partial, target)
    return { output: target, bytes: progress.bytes, files: urls.length }
  } catch (error) {
    file.destroy()
    await unlink(partial).catch(() => {})
    throw downloadError(error, progress.bytes, destination, target)
  }
}

async function copyBody(client: Pick<CargoClient, 'download'>, url: string, sink: Writable, progress: { bytes: number }, signal?: AbortSignal): Promise<void> {
  const { chunks } = await client.download(url, { signal })
  for await (const value of chunks) {
    progress.bytes += value.length
    if (!sink.write(value)) await once(sink, 'drain')
  }
}

/** One clear error per way a download ends early; the partial file is already gone. */
function downloadError(error: unknown, bytes: number, destination: DownloadDestination, where: string): unknown {
  const dataOnStdout = !destination.output && bytes > 0
  const removed = destination.output ? ` The partial file was removed; ${where} was not written.` : ''
  const stoppedBy = destination.signal?.aborted ? destination.stoppedBy?.() : undefined
  if (stoppedBy) {
    return new DownloadError(`Download stopped by ${stoppedBy} after ${bytes} bytes.${removed}`, SIGNAL_EXIT_CODES[stoppedBy], { reason: 'interrupted' }, dataOnStdout)
  }
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
    // the signed URL carries its own authorization, not the CLI's token: it has expired (or was refused)
    return new DownloadError(
      `The storage server refused the download URL (HTTP ${error.status}): signed URLs expire after a while. Run the command again for a fresh URL.`,
      ExitCode.failure,
      { reason: 'downloadUrlExpired', status: error.status },
      dataOnStdout,
    )
  }
  if (error instanceof ApiError && error.kind === 'network') {
    return new DownloadError(`Download failed after ${bytes} bytes (${error.message}).${removed}`, ExitCode.unavailable, { reason: 'downloadIncomplete' }, dataOnStdout)
  }
  if (error instanceof ApiError || error instanceof CliError || !(error instanceof Error)) return error
  // a local write failure (disk full, permission) while saving
  return new DownloadError(`Download failed after ${bytes} bytes (${error.message}).${removed}`, ExitCode.failure, { reason: 'downloadFailed' }, dataOnStdout)
}
