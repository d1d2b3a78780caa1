import type { JsonObject } from './expressions.js'
import { isTerminal } from './documents.js'

/**
 * Filters of the list, count, cancel and download calls, as tables of predicates: one entry per payload
 * field. Payload fields without a predicate (limit, offset, format, …) do not filter.
 */

type Item = Record<string, unknown>
export type Predicate = (item: Item, value: never) => boolean
export type Predicates = Record<string, Predicate>

const text = (value: unknown) => String(value ?? '').toLowerCase()
const time = (value: unknown) => Date.parse(String(value))

export const equal = (field: string): Predicate => ((item: Item, value: unknown) => (item[field] ?? null) === value) as Predicate
export const among = (field: string): Predicate => ((item: Item, values: unknown[]) => values.includes(item[field])) as Predicate
export const contains = (field: string): Predicate =>
  ((item: Item, value: string) => text(item[field]).includes(text(value))) as Predicate
export const after = (field: string): Predicate => ((item: Item, value: string) => time(item[field]) >= time(value)) as Predicate
export const before = (field: string): Predicate => ((item: Item, value: string) => time(item[field]) < time(value)) as Predicate
const flag = (test: (item: Item) => boolean): Predicate => ((item: Item, value: boolean) => test(item) === value) as Predicate

function equalAll(fields: string[]): Predicates {
  return Object.fromEntries(fields.map((field) => [field, equal(field)]))
}

const dates: Predicates = {
  createdAfter: after('createdAt'),
  createdBefore: before('createdAt'),
  updatedAfter: after('updatedAt'),
  updatedBefore: before('updatedAt'),
}

interface ExecutionsFilter {
  conjonction: 'and' | 'or'
  groups: Array<{ conjonction: 'and' | 'or'; conditions: Array<{ nodeSlug: string; status: string; value?: string }> }>
}

function combine<T>(conj: 'and' | 'or', items: readonly T[], test: (item: T) => boolean): boolean {
  if (items.length === 0) return true
  return conj === 'or' ? items.some(test) : items.every(test)
}

/** `executionsFilter`: whether each named node was reached, and how it ended (entities.md §1.9). */
const executionsFilter = ((item: Item, filter: ExecutionsFilter) => {
  const executions = (item.executions ?? []) as JsonObject[]
  return combine(filter.conjonction, filter.groups, (group) =>
    combine(group.conjonction, group.conditions, (condition) => {
      const execution = [...executions].reverse().find((e) => e.nodeSlug === condition.nodeSlug)
      if (condition.status === 'absent') return !execution
      if (!execution || execution.status !== condition.status) return false
      if (condition.value === undefined) return true
      return text(condition.status === 'error' ? execution.errorMessage : execution.title).includes(text(condition.value))
    }),
  )
}) as Predicate

const finished = flag((item) => isTerminal(String(item.status)))
const groupParent = flag((item) => item.isGroupParent === true)

export const runPredicates: Predicates = {
  ...equalAll(['workflowUuid', 'userUuid', 'batchUuid', 'releaseUuid', 'parentBatchUuid', 'parentUuid', 'parentNodeUuid', 'recordId']),
  uuids: among('uuid'),
  statuses: among('status'),
  isGroupParent: groupParent,
  isFinished: finished,
  recordTitle: contains('recordTitle'),
  recordTitleOrId: ((item: Item, value: string) => contains('recordTitle')(item, value as never) || item.recordId === value) as Predicate,
  executionsFilter,
  ...dates,
}

export const recordPredicates: Predicates = {
  ...equalAll(['workflowUuid', 'userUuid', 'releaseUuid', 'batchUuid', 'parentBatchUuid', 'parentRunUuid', 'parentNodeUuid']),
  ids: among('id'),
  runUuids: among('runUuid'),
  statuses: among('status'),
  isGroupParent: groupParent,
  title: contains('title'),
  titleOrId: ((item: Item, value: string) => contains('title')(item, value as never) || item.id === value) as Predicate,
  executionsFilter,
  ...dates,
}

export const spanPredicates: Predicates = {
  ...equalAll([
    'workflowUuid',
    'userUuid',
    'batchUuid',
    'traceUuid',
    'runUuid',
    'recordId',
    'parentRunUuid',
    'parentNodeUuid',
    'parentAgentUuid',
    'nodeUuid',
    'nodeKind',
    'nodeSlug',
    'nodeIntegrationSlug',
    'nodeConnectorUuid',
    'nodeActionSlug',
    'nodeToolUuid',
    'nodeAgentUuid',
    'nodeReleaseUuid',
  ]),
  recordTitle: contains('recordTitle'),
  recordTitleOrId: ((item: Item, value: string) => contains('recordTitle')(item, value as never) || item.recordId === value) as Predicate,
  executionTitle: contains('executionTitle'),
  executionTitleOrErrorMessage: ((item: Item, value: string) =>
    contains('executionTitle')(item, value as never) || contains('executionErrorMessage')(item, value as never)) as Predicate,
  executionStatuses: among('executionStatus'),
  executionStartedAfter: after('executionStartedAt'),
  executionStartedBefore: before('executionStartedAt'),
}

export const tracePredicates: Predicates = {
  ...equalAll(['workflowUuid', 'chatUuid', 'agentUuid']),
  statuses: among('status'),
  startedAfter: after('startedAt'),
  startedBefore: before('startedAt'),
}

export const releasePredicates: Predicates = { ...equalAll(['workflowUuid', 'userUuid']), statuses: among('status') }

const dataField = (field: string): Predicate => ((item: Item, value: unknown) => (item.data as Item)[field] === value) as Predicate
const dataKind = (keep: boolean): Predicate => ((item: Item, kinds: unknown[]) => kinds.includes((item.data as Item).kind) === keep) as Predicate

export const batchPredicates: Predicates = {
  workflowUuids: among('workflowUuid'),
  releaseUuid: equal('releaseUuid'),
  parentBatchUuid: dataField('parentBatchUuid'),
  parentRunUuid: dataField('parentRunUuid'),
  parentNodeUuid: dataField('parentNodeUuid'),
  statuses: among('status'),
  hasRuns: flag((item) => Number(item.runsCount) > 0),
  isSkipped: flag((item) => item.status === 'skipped'),
  isFinished: finished,
  includedDataKinds: dataKind(true),
  excludedDataKinds: dataKind(false),
}

export function select<T>(items: readonly T[], filters: object, predicates: Predicates): T[] {
  const active = Object.entries(filters).filter(([key, value]) => value !== undefined && Object.hasOwn(predicates, key))
  return items.filter((item) => active.every(([key, value]) => predicates[key](item as Item, value as never)))
}

export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 1000

/** Offset pagination (wire.md §15): 20 items by default, at most 1000. */
export function page<T>(items: readonly T[], request: { limit?: number; offset?: number }): T[] {
  const limit = Math.min(request.limit ?? DEFAULT_LIMIT, MAX_LIMIT)
  const offset = request.offset ?? 0
  return items.slice(offset, offset + limit)
}

export function newestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].reverse().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}
