import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, mustGet, on, save } from '../../kernel/context.js'
import { type BatchDoc, type FileDoc, type RunDoc, isTerminal } from './documents.js'
import { publicView } from '../../kernel/doc-fields.js'
import type { Json, JsonObject } from '../../expressions.js'
import { badRequest, jsonResponse } from '../../kernel/http.js'
import { runOutput } from './simulation.js'
import { iso } from '../../kernel/timing.js'
import { selectOrchestrationRecords } from './records.js'
import { selectRuns, workspaceRuns } from './runs.js'

/**
 * Exports answer `{url}`, a link the emulator serves itself without authentication (like a presigned
 * URL). The content is written when the export is asked for, as the real API's export jobs do.
 */

export const FILES_PATH = '/__emulator/files/'
const MAX_EXPORTED = 10_000

const exportKey = (uuid: string) => `export:${uuid}`

/** The document names the export; its content is kept on disk beside the database (Store.blobs). */
function publish(ctx: Ctx, contentType: string, content: string): { url: string } {
  const file: FileDoc = { uuid: randomUUID(), contentType, createdAt: iso(ctx.now) }
  ctx.store.blobs.put(exportKey(file.uuid), content)
  save(ctx, 'file', file)
  return { url: `${ctx.origin}${FILES_PATH}${file.uuid}` }
}

const ndjson = (items: readonly unknown[]) => items.map((item) => `${JSON.stringify(item)}\n`).join('')

function csvCell(value: Json | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(rows: readonly JsonObject[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))]
  return [header.map(csvCell), ...rows.map((row) => header.map((key) => csvCell(row[key])))].map((cells) => `${cells.join(',')}\n`).join('')
}

/** One row per run: the record, the run's status, and the chosen node's output (the end node's by default). */
function outputRow(run: RunDoc, nodeSlug: string | undefined): JsonObject {
  const output = runOutput(run, nodeSlug)
  const fields = output && typeof output === 'object' && !Array.isArray(output) ? output : { output }
  return { recordId: run.recordId, recordTitle: run.recordTitle, runUuid: run.uuid, status: run.status, ...fields }
}

function exportOutputs(ctx: Ctx, runs: readonly RunDoc[], request: { outputNodeSlug?: string; format?: 'csv' | 'json' }) {
  const rows = runs.map((run) => outputRow(run, request.outputNodeSlug))
  return request.format === 'json' ? publish(ctx, 'application/json', JSON.stringify(rows)) : publish(ctx, 'text/csv; charset=utf-8', toCsv(rows))
}

function checkExportSize(count: number, reasons: { none: string; tooMany: string }): void {
  if (count === 0) throw badRequest(reasons.none)
  if (count > MAX_EXPORTED) throw badRequest(reasons.tooMany)
}

function slice<T>(items: readonly T[], request: { limit?: number; offset?: number }): T[] {
  const offset = request.offset ?? 0
  return items.slice(offset, request.limit === undefined ? undefined : offset + request.limit)
}

export const downloadHandlers = [
  on(api.downloadRuns, (ctx, payload) => publish(ctx, 'application/x-ndjson', ndjson(selectRuns(ctx, payload).map(publicView)))),
  on(api.downloadRunOutputs, (ctx, payload) => {
    const runs = slice(selectRuns(ctx, payload), payload)
    checkExportSize(runs.length, { none: 'noRunsFound', tooMany: 'tooManyRuns' })
    return exportOutputs(ctx, runs, payload)
  }),
  on(api.downloadRecords, (ctx, payload) => publish(ctx, 'application/x-ndjson', ndjson(selectOrchestrationRecords(ctx, payload).map((entry) => entry.record)))),
  on(api.downloadRecordOutputs, (ctx, payload) => {
    const runs = slice(selectOrchestrationRecords(ctx, payload), payload).map((entry) => entry.run)
    checkExportSize(runs.length, { none: 'noRecordsFound', tooMany: 'tooManyRecords' })
    return exportOutputs(ctx, runs, payload)
  }),
  on(api.downloadBatch, (ctx, { uuid, outputNodeSlug }) => {
    const batch = mustGet<BatchDoc>(ctx, 'batch', uuid, 'batch')
    if (!isTerminal(batch.status)) throw badRequest('batchNotFinished')
    return exportOutputs(ctx, workspaceRuns(ctx, { batchUuid: uuid }), { outputNodeSlug, format: 'csv' })
  }),
]

/** GET /__emulator/files/<id>: no auth, as a presigned URL needs none. */
export function serveFile(store: Ctx['store'], id: string): Response {
  const file = store.get<FileDoc>('file', id)
  const content = file && (store.blobs.get(exportKey(file.uuid)) ?? file.content)
  if (!file || content === undefined) return jsonResponse(404, { errorMessage: 'No such file (the emulator was reset, or the link is wrong)' })
  return new Response(typeof content === 'string' ? content : new Uint8Array(content), { status: 200, headers: { 'content-type': file.contentType } })
}
