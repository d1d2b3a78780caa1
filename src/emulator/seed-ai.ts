import type { Kind, StoredDoc } from './store.js'

/** Seeded ai entities (to be filled). */
export function aiDocs(): Array<[Kind, StoredDoc]> {
  return []
}
