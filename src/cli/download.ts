import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rename, unlink } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { CargoClient } from '../api/client.js'
import { CliError } from './cli-error.js'

/** The signed URL(s) a download endpoint answered with: `{url}` or `{urls}`. */
export function downloadUrls(result: unknown): string[] {
  const value = (result ?? {}) as { url?: unknown; urls?: unknown }
  if (typeof value.url === 'string') return [value.url]
  if (Array.isArray(value.urls)) return value.urls.filter((url): url is string => typeof url === 'string')
  return []
}

/**
 * Streams each URL's body, in order, to `output` (written beside the target and renamed when complete,
 * so a failed download leaves nothing half-written) or to stdout. Memory stays flat: chunks are written as
 * they arrive, waiting for the destination to drain.
 */
export async function streamDownloads(
  client: CargoClient,
  urls: string[],
  destination: { output?: string; stdout: Writable; signal?: AbortSignal },
): Promise<{ output?: string; bytes: number; files: number }> {
  if (urls.length === 0) throw new CliError('The API returned no download URL')
  if (!destination.output) {
    let bytes = 0
    for (const url of urls) bytes += await copyBody(client, url, destination.stdout, destination.signal)
    return { bytes, files: urls.length }
  }
  const target = resolve(destination.output)
  const partial = `${target}.partial-${process.pid}`
  const file = createWriteStream(partial, { mode: 0o644 })
  try {
    let bytes = 0
    for (const url of urls) bytes += await copyBody(client, url, file, destination.signal)
    file.end()
    await finished(file)
    await rename(partial, target)
    return { output: target, bytes, files: urls.length }
  } catch (error) {
    file.destroy()
    await unlink(partial).catch(() => {})
    throw error
  }
}

async function copyBody(client: CargoClient, url: string, sink: Writable, signal?: AbortSignal): Promise<number> {
  const response = await client.download(url, { signal })
  // The node:http transport hands its socket stream over directly: a web stream's per-chunk promises and
  // objects were most of a large download's memory.
  const chunks = response.chunks?.() ?? (response.body ? readerChunks(response.body) : undefined)
  if (!chunks) return 0
  let bytes = 0
  try {
    for await (const value of chunks) {
      bytes += value.length
      if (!sink.write(value)) await once(sink, 'drain')
    }
  } catch (error) {
    throw new CliError(`Download interrupted after ${bytes} bytes: ${(error as Error).message}`, 4)
  }
  return bytes
}

/** A web stream read one chunk at a time: nothing is queued beyond what the sink accepts. */
async function* readerChunks(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return
    yield value
  }
}
