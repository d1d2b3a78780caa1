/**
 * The parts of a direct-to-S3 multipart upload (wire.md §9.2): each part is signed, then PUT to its signed
 * URL as a stream read from the file, at most `concurrency` at a time. Retries follow the client's policy
 * (`CargoClient.retrying`: a part PUT is idempotent, so network errors, timeouts, 429 and 502–504 are
 * retried, at most MAX_ATTEMPTS times), each attempt signing again; timeouts are the client's.
 */
import { type FileHandle, open } from 'node:fs/promises'
import { type CargoClient, MAX_ATTEMPTS, parseRetryAfter } from './client.js'
import { signMultipartUploadPart } from './endpoints/workspace-management.js'
import { ApiError, kindOfStatus } from './errors.js'
import type { MultipartPart } from './schemas/workspace-management.js'
import type { StreamedBody } from './transport.js'

export const PART_SIZE = 8 * 1024 * 1024
export const MAX_PARTS_IN_FLIGHT = 4

export interface MultipartUploadIds {
  s3Filename: string
  uploadId: string
}

export interface PartsOptions {
  partSize?: number
  concurrency?: number
  onProgress?: (sentBytes: number, totalBytes: number) => void
  /** stops sending: parts in flight are cut short and no new one starts */
  signal?: AbortSignal
}

/** A part that failed for good; `cause` is its last failure. */
export class PartFailure extends Error {
  constructor(
    readonly partNumber: number,
    readonly partCount: number,
    readonly attempts: number,
    readonly cause: unknown,
  ) {
    super(`part ${partNumber} of ${partCount} could not be sent after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${(cause as Error)?.message ?? String(cause)}`)
    this.name = 'PartFailure'
  }
}

/**
 * Sends every part of the file at `path` (`size` bytes); the first part that fails for good stops the
 * rest and is thrown as a PartFailure. Answers the parts in order, as complete wants them. When
 * `options.signal` aborts, it returns early with the parts sent so far: the caller checks the signal.
 */
export async function sendParts(client: CargoClient, ids: MultipartUploadIds, path: string, size: number, options: PartsOptions = {}): Promise<MultipartPart[]> {
  const partSize = options.partSize ?? PART_SIZE
  const partCount = Math.max(1, Math.ceil(size / partSize))
  const stop = new AbortController()
  const onStop = () => stop.abort()
  options.signal?.addEventListener('abort', onStop, { once: true })
  const parts: MultipartPart[] = []
  let next = 1
  let sent = 0
  let failure: PartFailure | undefined

  async function sendPart(partNumber: number): Promise<void> {
    const start = (partNumber - 1) * partSize
    const length = Math.min(partSize, size - start)
    let attempts = 0
    try {
      const etag = await client.retrying({ idempotent: true, method: 'PUT', path: `part ${partNumber}/${partCount}` }, { signal: stop.signal }, async () => {
        attempts++
        // every attempt signs again: a signed URL may have expired or been used
        const { url } = await client.call(signMultipartUploadPart, { ...ids, partNumber }, { signal: stop.signal })
        return putPart(client, url, path, start, length, partNumber, stop.signal)
      })
      parts.push({ partNumber, etag })
      sent += length
      options.onProgress?.(sent, size)
    } catch (error) {
      if (stop.signal.aborted) return
      failure = new PartFailure(partNumber, partCount, attempts, error)
      stop.abort()
    }
  }

  async function worker(): Promise<void> {
    while (!stop.signal.aborted && next <= partCount) await sendPart(next++)
  }

  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? MAX_PARTS_IN_FLIGHT, partCount) }, worker))
  } finally {
    options.signal?.removeEventListener('abort', onStop)
  }
  if (failure) throw failure
  return parts.sort((a, b) => a.partNumber - b.partNumber)
}

/** Read size of a part when a reader brings no buffer of its own (the transport brings one). */
const READ_CHUNK_BYTES = 64 * 1024

/**
 * A file's bytes from `start`, `length` of them, read as they are sent. A byte stream, so that the
 * transport reads every chunk into one buffer of its own (see writeStream in transport.ts); other readers
 * (the embedded emulator, tests) get buffers of READ_CHUNK_BYTES.
 */
function fileSlice(path: string, start: number, length: number): StreamedBody {
  const end = start + length
  let position = start
  let handle: FileHandle | undefined
  return new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: READ_CHUNK_BYTES,
    async pull(controller) {
      handle ??= await open(path, 'r')
      const request = controller.byobRequest as ReadableStreamBYOBRequest
      const view = request.view as Uint8Array
      const wanted = Math.min(view.byteLength, end - position)
      const { bytesRead } = wanted > 0 ? await handle.read(view, 0, wanted, position) : { bytesRead: 0 }
      position += bytesRead
      if (bytesRead > 0) return request.respond(bytesRead)
      await handle.close()
      controller.close()
      request.respond(0)
    },
    async cancel() {
      await handle?.close()
    },
  })
}

/** One PUT of one part; a non-2xx status or a missing ETag fails the attempt. */
async function putPart(client: CargoClient, url: string, path: string, start: number, length: number, partNumber: number, signal: AbortSignal): Promise<string> {
  let response
  try {
    response = await client.sendToSignedUrl(url, 'PUT', fileSlice(path, start, length), length, { signal })
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind !== 'network') throw error
    throw new ApiError('network', `network error sending part ${partNumber} (${error.code ?? error.message})`, { cause: error, code: error.code })
  }
  if (!response.ok) {
    const error = new ApiError(kindOfStatus(response.status), `the storage server refused part ${partNumber} (HTTP ${response.status})`, { status: response.status })
    error.retryAfterMs = parseRetryAfter(response.headers.get('retry-after'))
    throw error
  }
  const etag = response.headers.get('etag')
  if (!etag) throw new ApiError('server', `the storage server accepted part ${partNumber} without an ETag header`)
  return etag
}
