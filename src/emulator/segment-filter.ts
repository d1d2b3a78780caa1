import type { Json, JsonObject } from './expressions.js'

/**
 * The segmentation filter grammar (entities.md §4.1) over a model's rows, for the column conditions
 * (string, number, date, boolean, object and array with matchConditions, objectProperty, and the
 * presence operators of every kind). Other condition kinds (segment, enrollment, occurrence, sql) match
 * nothing, as a condition whose kind does not fit its column does on the real API.
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
  if (condition.kind === 'objectProperty') return matchesProperty(value, condition)
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
    case 'object':
      return operator === 'matchConditions' && matchesProperties(value, condition)
    case 'array':
      return operator === 'matchConditions' && Array.isArray(value) && value.some((item) => matchesProperties(item, condition))
    default:
      return false
  }
}

/** `matchConditions`: the property conditions of an object (for arrays: of one of its items). */
function matchesProperties(object: Json | undefined, condition: Condition): boolean {
  const conditions = (condition.propertyConditions ?? []) as Condition[]
  return combine(condition.conjonction === 'or' ? 'or' : 'and', conditions, (property) => matchesProperty(object, property))
}

const isNumeric = (value: Json | undefined) => value !== null && value !== '' && typeof value !== 'object' && typeof value !== 'boolean' && !Number.isNaN(Number(value))
/** Properties compare as numbers when both sides are numeric, else as text. */
const order = (a: Json | undefined, b: Json | undefined) => (isNumeric(a) && isNumeric(b) ? Number(a) - Number(b) : String(a).localeCompare(String(b)))

/** One property of an object column (`propertyName`), compared with `value` (and `otherValue` for between). */
function matchesProperty(object: Json | undefined, condition: Condition): boolean {
  const operator = String(condition.operator)
  const value = object && typeof object === 'object' && !Array.isArray(object) ? object[String(condition.propertyName)] : undefined
  if (operator in presence) return presence[operator](value)
  if (value === undefined || value === null) return false
  switch (operator) {
    case 'greaterThan':
      return order(value, condition.value) > 0
    case 'lowerThan':
      return order(value, condition.value) < 0
    case 'between':
      return order(value, condition.value) >= 0 && order(value, condition.otherValue) <= 0
    default:
      return matchesString(value, operator, condition.value)
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
