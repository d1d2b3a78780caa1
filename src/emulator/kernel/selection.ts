
/**
 * Filters of the list, count, cancel and download calls, as tables of predicates: one entry per payload
 * field. Payload fields without a predicate (limit, offset, format, …) do not filter.
 */

export type Item = Record<string, unknown>
export type Predicate = (item: Item, value: never) => boolean
export type Predicates = Record<string, Predicate>

export const text = (value: unknown) => String(value ?? '').toLowerCase()
const time = (value: unknown) => Date.parse(String(value))

export const equal = (field: string): Predicate => ((item: Item, value: unknown) => (item[field] ?? null) === value) as Predicate
export const among = (field: string): Predicate => ((item: Item, values: unknown[]) => values.includes(item[field])) as Predicate
export const contains = (field: string): Predicate =>
  ((item: Item, value: string) => text(item[field]).includes(text(value))) as Predicate
export const after = (field: string): Predicate => ((item: Item, value: string) => time(item[field]) >= time(value)) as Predicate
export const before = (field: string): Predicate => ((item: Item, value: string) => time(item[field]) < time(value)) as Predicate
export const flag = (test: (item: Item) => boolean): Predicate => ((item: Item, value: boolean) => test(item) === value) as Predicate

export function equalAll(fields: string[]): Predicates {
  return Object.fromEntries(fields.map((field) => [field, equal(field)]))
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
