import type { Kind, StoredDoc } from './store.js'

/** Seeded billing entities (to be filled). */
export function billingDocs(): Array<[Kind, StoredDoc]> {
  return []
}
