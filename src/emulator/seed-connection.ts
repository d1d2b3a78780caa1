import type { Kind, StoredDoc } from './store.js'

/** Seeded connection entities (to be filled). */
export function connectionDocs(): Array<[Kind, StoredDoc]> {
  return []
}
