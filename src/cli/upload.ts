import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Writable } from 'node:stream'
import { type CargoClient, mayHaveReachedServer } from '../api/client.js'
import { abortMultipartUpload, completeMultipartUpload, startMultipartUpload, uploadFile } from '../api/endpoints/workspace-management.js'
import { fileForm } from '../api/file-form.js'
import { type MultipartUploadIds, PartFailure, sendParts } from '../api/multipart-upload.js'
import type { MultipartPart, UploadedFile } from '../api/schemas/workspace-management.js'
import { CliError, ExitCode, UsageError } from './cli-error.js'
import { reportError } from './output.js'

/**
 * `workspaceManagement file upload` (wire.md §9): one multipart POST under 50 MiB; from 50 MiB the file goes
 * straight to S3 in 8 MiB parts (create, then sign + PUT per part, then complete; abort on failure). The
 * parts themselves are sent by src/api/multipart-upload.ts; this module decides the flow and turns its
 * failures into the CLI's errors. The file is never read into memory as a whole.
 */

export const MULTIPART_THRESHOLD = 50 * 1024 * 1024

export interface LocalFile {
  path: string
  /** base name, sent as the file name */
  name: string
  size: number
  contentType: string
}

export interface UploadOptions {
  /** size from which the S3 multipart flow is used (bytes) */
  threshold?: number
  partSize?: number
  concurrency?: number
  onProgress?: (sentBytes: number, totalBytes: number) => void
  /** Ctrl-C or SIGTERM: stop sending, abort the multipart upload, fail with exit 130 */
  signal?: AbortSignal
}

export type UploadResult = Pick<UploadedFile, 'uuid' | 's3Filename' | 'contentType' | 'name'>

const mimeTypes: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.json': 'application/json',
  '.ndjson': 'application/x-ndjson',
  '.jsonl': 'application/x-ndjson',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/vnd.apache.parquet',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

/** The MIME type from the file name (the docs' answer for my-companies.csv is text/csv). */
export function contentTypeOf(name: string): string {
  return mimeTypes[extname(name).toLowerCase()] ?? 'application/octet-stream'
}

/** Checks the path before anything is sent: a missing file or a directory is a usage error (exit 2). */
export async function inspectFile(path: string, flag = 'file'): Promise<LocalFile> {
  let stats
  try {
    stats = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`--${flag}: ${code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? (error as Error).message})`}`)
  }
  if (stats.isDirectory()) throw new UsageError(`--${flag}: ${path} is a directory; give a file`)
  if (!stats.isFile()) throw new UsageError(`--${flag}: ${path} is not a regular file`)
  const name = basename(path)
  return { path, name, size: stats.size, contentType: contentTypeOf(name) }
}

export async function uploadWorkspaceFile(client: CargoClient, file: LocalFile, options: UploadOptions = {}): Promise<UploadResult> {
  const threshold = options.threshold ?? MULTIPART_THRESHOLD
  return file.size < threshold ? uploadInOneRequest(client, file, options) : uploadInParts(client, file, options)
}

// ---------------------------------------------------------------------------------------------
// Under the threshold: one multipart/form-data POST (wire.md §9.1)

async function uploadInOneRequest(client: CargoClient, file: LocalFile, options: UploadOptions): Promise<UploadResult> {
  const form = await fileForm(file)
  // no progress is reported while one request sends: 0% now, 100% once answered
  options.onProgress?.(0, file.size)
  const answer = await client.upload(uploadFile, form, {}, { signal: options.signal }).catch((error: unknown) => {
    // the request was under way: the server may have received the whole file and stored it
    if (options.signal?.aborted) {
      throw new CliError(`Upload of ${file.name} interrupted before the API answered: the file may have been stored. Upload it again to get its s3Filename.`, ExitCode.interrupted, {
        reason: 'interrupted',
      })
    }
    throw error
  })
  options.onProgress?.(file.size, file.size)
  return normalize(answer as unknown as Record<string, unknown>, file)
}

/** The answer holds the file flat or as `files[0]` (wire.md §9.1); missing names fall back to the local file's. */
function normalize(answer: Record<string, unknown>, file: LocalFile): UploadResult {
  const source = (Array.isArray(answer.files) ? answer.files[0] : answer) as Record<string, unknown> | undefined
  const text = (key: string) => (typeof source?.[key] === 'string' ? (source[key] as string) : '')
  const s3Filename = text('s3Filename')
  if (!s3Filename) throw new CliError(`The API accepted ${file.name} but answered no s3Filename: ${JSON.stringify(answer)}`)
  const result: UploadResult = { s3Filename, contentType: text('contentType') || file.contentType, name: text('name') || file.name }
  return text('uuid') ? { uuid: text('uuid'), ...result } : result
}

// ---------------------------------------------------------------------------------------------
// From the threshold: direct-to-S3 parts (wire.md §9.2)

async function uploadInParts(client: CargoClient, file: LocalFile, options: UploadOptions): Promise<UploadResult> {
  const ids: MultipartUploadIds = await client.call(startMultipartUpload, { contentType: file.contentType, filename: file.name })
  let parts: MultipartPart[]
  try {
    parts = await sendParts(client, ids, file.path, file.size, options)
    if (options.signal?.aborted) throw new PartsInterrupted()
  } catch (error) {
    // nothing is stored until complete: aborting frees the parts sent so far
    const aborted = await client.call(abortMultipartUpload, ids).then(
      () => ' The multipart upload was aborted.',
      (abortError: unknown) => ` The multipart upload could not be aborted (${(abortError as Error).message}); storage drops its parts when it expires.`,
    )
    if (error instanceof PartsInterrupted) throw new CliError(`Upload of ${file.name} interrupted; nothing was stored.${aborted}`, ExitCode.interrupted, { reason: 'interrupted' })
    throw uploadFailure(file, error, aborted)
  }
  try {
    // not stopped by Ctrl-C: once complete is sent, its answer says whether the file exists
    const done = await client.call(completeMultipartUpload, { ...ids, parts })
    return { s3Filename: done.s3Filename || ids.s3Filename, contentType: file.contentType, name: file.name }
  } catch (error) {
    if (mayHaveReachedServer(error)) {
      throw new CliError(
        `Upload of ${file.name}: the answer to completing it was lost (${error.code ?? error.message}); the file may have been stored as ${ids.s3Filename}.`,
        ExitCode.unavailable,
        { reason: 'outcomeUnknown', s3Filename: ids.s3Filename },
      )
    }
    const aborted = await client.call(abortMultipartUpload, ids).then(
      () => ' The multipart upload was aborted.',
      () => '',
    )
    throw uploadFailure(file, error, aborted)
  }
}

/** Ctrl-C or SIGTERM while parts were being sent. */
class PartsInterrupted extends Error {}

/** One clear error, with the exit code the last failure calls for (4 for network or 5xx, else 1). */
function uploadFailure(file: LocalFile, error: unknown, aborted: string): CliError {
  const partFailure = error instanceof PartFailure ? error : undefined
  const { body, exitCode } = reportError(partFailure ? partFailure.cause : error)
  const what = partFailure ? partFailure.message : body.errorMessage
  const fields: Record<string, unknown> = { reason: 'uploadFailed' }
  if (partFailure) Object.assign(fields, { partNumber: partFailure.partNumber, attempts: partFailure.attempts })
  if (body.status) fields.status = body.status
  return new CliError(`Upload of ${file.name} failed: ${what}.${aborted}`, exitCode, fields)
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr (TTY only; the command decides)

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`
}

export function progressText(label: string, sent: number, total: number): string {
  const percent = total === 0 ? 100 : Math.floor((sent / total) * 100)
  return `Uploading ${label}: ${percent}% (${formatBytes(sent)} of ${formatBytes(total)})`
}

/** One line rewritten in place; `end` finishes it. */
export function progressLine(stream: Writable, label: string) {
  let shown = false
  return {
    update: (sent: number, total: number) => {
      shown = true
      stream.write(`\r${progressText(label, sent, total)}\u001B[K`)
    },
    end: () => {
      if (shown) stream.write('\n')
    },
  }
}
