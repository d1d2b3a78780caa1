import type { Json, JsonObject } from './expressions.js'

/**
 * The segmentation filter grammar (entities.md §4.1) over a model's rows, for the column conditions
 * (string, number, date, boolean, any). Other condition kinds match nothing, as a condition whose kind
 * does not fit its column does on the real API.
 */

type Conj = 'and' | 'or'
interface Condition extends JsonObject {}
interface Group {
  conjonction: Conj
  conditions: Condition[]
}
export interface SegmentFilter {
  conjonction: Conj
  groups: Group[]
}

function combine<T>(conj: Conj, items: readonly T[], test: (item: T) => boolean): boolean {
  if (items.length === 0) return true
  return conj === 'or' ? items.some(test) : items.every(test)
}

export function matchesFilter(record: JsonObject, filter: SegmentFilter): boolean {
  return combine(filter.conjonction, filter.groups ?? [], (group) => combine(group.conjonction, group.conditions ?? [], (c) => matchesCondition(record, c)))
}

const isEmpty = (value: Json | undefined) => value === undefined || value === null || value === ''

const presence: Record<string, (value: Json | undefined) => boolean> = {
  isNull: (value) => value === undefined || value === null,
  isNotNull: (value) => value !== undefined && value !== null,
  isEmpty,
  isNotEmpty: (value) => !isEmpty(value),
}

function matchesCondition(record: JsonObject, condition: Condition): boolean {
  const operator = String(condition.operator)
  const value = record[String(condition.columnSlug)]
  if (operator in presence) return presence[operator](value)
  switch (condition.kind) {
    case 'string':
      return matchesString(value, operator, condition.values)
    case 'number':
      return matchesOrdered(Number(value), operator, condition, Number)
    case 'date':
      return matchesOrdered(Date.parse(String(value)), operator, condition, (v) => Date.parse(String(v)))
    case 'boolean':
      return operator === 'isTrue' ? value === true : operator === 'isFalse' ? value === false : false
    default:
      return false
  }
}

const stringOperators: Record<string, (text: string, wanted: string) => boolean> = {
  is: (text, wanted) => text === wanted,
  contains: (text, wanted) => text.includes(wanted),
  startsWith: (text, wanted) => text.startsWith(wanted),
  endsWith: (text, wanted) => text.endsWith(wanted),
}

function matchesString(value: Json | undefined, operator: string, values: Json | undefined): boolean {
  const wanted = (Array.isArray(values) ? values : [values]).map((v) => String(v ?? '').toLowerCase())
  const text = String(value ?? '').toLowerCase()
  const negated = { isNot: 'is', doesNotContain: 'contains' }[operator]
  const test = stringOperators[negated ?? operator]
  if (!test) return false
  const any = wanted.some((w) => test(text, w))
  return negated ? !any : any
}

function matchesOrdered(actual: number, operator: string, condition: Condition, read: (value: Json) => number): boolean {
  if (Number.isNaN(actual)) return false
  const value = read(condition.value ?? null)
  switch (operator) {
    case 'is':
      return actual === value
    case 'isNot':
      return actual !== value
    case 'greaterThan':
      return actual > value
    case 'lowerThan':
      return actual < value
    case 'between':
      return actual >= read(condition.firstValue ?? null) && actual <= read(condition.lastValue ?? null)
    default:
      return false
  }
}

/** Rows of a model selected by a filter, sort and limit (a segment, or `filter` batch data). */
export function selectRows(
  records: readonly JsonObject[],
  selection: { filter?: SegmentFilter | null; sort?: Array<{ columnSlug: string; kind: 'asc' | 'desc' }> | null; limit?: number | null },
): JsonObject[] {
  const kept = records.filter((record) => !selection.filter || matchesFilter(record, selection.filter))
  for (const { columnSlug, kind } of [...(selection.sort ?? [])].reverse()) {
    kept.sort((a, b) => compare(a[columnSlug], b[columnSlug]) * (kind === 'desc' ? -1 : 1))
  }
  return selection.limit === null || selection.limit === undefined ? kept : kept.slice(0, selection.limit)
}

function compare(a: Json | undefined, b: Json | undefined): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a ?? '').localeCompare(String(b ?? ''))
}
