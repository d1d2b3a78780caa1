import * as api from '../../../api/endpoints/orchestration.js'
import { type Ctx, on } from '../../kernel/context.js'
import { spansOf, traceOf } from './derived.js'
import type { JsonObject } from '../../expressions.js'
import { notFound } from '../../kernel/http.js'
import { page, select } from '../../kernel/selection.js'
import { spanPredicates, tracePredicates } from './predicates.js'
import { workspaceRuns } from './runs.js'

function selectSpans(ctx: Ctx, filters: object): JsonObject[] {
  const spans = workspaceRuns(ctx).flatMap(spansOf)
  const newest = (a: JsonObject, b: JsonObject) => Date.parse(String(b.executionStartedAt)) - Date.parse(String(a.executionStartedAt))
  return select(spans, filters, spanPredicates).sort(newest)
}

function selectTraces(ctx: Ctx, filters: object): JsonObject[] {
  const traces = workspaceRuns(ctx).reverse().map(traceOf)
  return select(traces, filters, tracePredicates)
}

export const traceHandlers = [
  on(api.listSpans, (ctx, payload) => {
    const spans = selectSpans(ctx, payload)
    return { spans: page(spans, payload), count: spans.length }
  }),
  on(api.countSpans, (ctx, payload) => ({ count: selectSpans(ctx, payload).length })),
  on(api.listTraces, (ctx, payload) => {
    const traces = selectTraces(ctx, payload)
    return { traces: page(traces, payload), count: traces.length }
  }),
  on(api.countTraces, (ctx, payload) => ({ count: selectTraces(ctx, payload).length })),
  on(api.getTrace, (ctx, { uuid }) => {
    const run = workspaceRuns(ctx, { traceUuid: uuid })[0]
    if (!run) throw notFound('trace')
    return { trace: traceOf(run) }
  }),
]
