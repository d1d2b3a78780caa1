import type { Ctx } from './context.js'
import { iso } from './timing.js'

/** Small helpers every domain's handlers use to build stored documents. */

/** createdAt and updatedAt, both now. */
export function stamps(ctx: Ctx) {
  return { createdAt: iso(ctx.now), updatedAt: iso(ctx.now) }
}

/** Only the fields a caller sent; `null` is kept, as it clears the value. */
export function sent<T extends object>(payload: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  return Object.fromEntries(keys.filter((key) => payload[key] !== undefined).map((key) => [key, payload[key]])) as Partial<T>
}

/**
 * A stored document as the API sends it. Stored documents hold the wire shape of each entity, nulls included,
 * plus internal state under keys starting with `_`, which never leaves the emulator.
 */
export function publicView<T>(doc: T): T {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_'))) as T
}

/**
 * An API entity as a document stores it: every field present, `null` where the API sends null (the api schemas
 * make a `T | null` field optional, because the client strips nulls; the store keeps them, as the API sends them).
 */
export type WithNulls<T> = { [K in keyof T]-?: undefined extends T[K] ? Exclude<T[K], undefined> | null : T[K] }

/** Omit that keeps the named keys of a loose (index-signature) type */
export type Without<T, Key extends string> = { [K in keyof T as K extends Key ? never : K]: T[K] }
