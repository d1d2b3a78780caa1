import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, on } from '../../kernel/context.js'
import { latestRuns, recordOf } from './derived.js'
import type { RunDoc } from './documents.js'
import { badRequest } from '../../kernel/http.js'
import { newestFirst, page, select } from '../../kernel/selection.js'
import { recordPredicates } from './predicates.js'
import { cancelAll, executionMetrics, workspaceRuns } from './runs.js'

const MAX_CANCELLED_RECORDS = 2000

/** Records matching the filters, each with the run it stands for, newest first. */
export function selectOrchestrationRecords(ctx: Ctx, filters: object): Array<{ record: ReturnType<typeof recordOf>; run: RunDoc }> {
  const runs = newestFirst(latestRuns(workspaceRuns(ctx)))
  const byRecord = runs.map((run) => ({ record: recordOf(run), run }))
  const kept = new Set(select(byRecord.map((entry) => entry.record), filters, recordPredicates))
  return byRecord.filter((entry) => kept.has(entry.record))
}

export const recordHandlers = [
  on(api.listRecords, (ctx, payload) => {
    const records = selectOrchestrationRecords(ctx, payload).map((entry) => entry.record)
    return { records: page(records, payload), count: records.length }
  }),
  on(api.countRecords, (ctx, payload) => ({ count: selectOrchestrationRecords(ctx, payload).length })),
  on(api.cancelRecords, (ctx, payload) => {
    const selected = selectOrchestrationRecords(ctx, payload)
    if (selected.length > MAX_CANCELLED_RECORDS) throw badRequest('tooManyRecordsSelected')
    cancelAll(ctx, selected.map((entry) => entry.run))
  }),
  on(api.getRecordMetrics, (ctx, payload) => ({
    recordMetrics: executionMetrics(
      selectOrchestrationRecords(ctx, payload).map((entry) => entry.run),
      'record',
    ),
  })),
]
