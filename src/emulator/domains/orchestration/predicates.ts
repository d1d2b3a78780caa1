import type { JsonObject } from '../../expressions.js'
import { after, among, before, contains, equal, equalAll, flag, type Item, type Predicate, type Predicates, text } from '../../kernel/selection.js'
import { isTerminal } from './documents.js'

/** The filters of the orchestration lists (runs, records, spans, traces, releases, batches) as predicate tables. */

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
