import type { Kind, StoredDoc } from './store.js'

/** Seeded content entities (to be filled). */
export function contentDocs(): Array<[Kind, StoredDoc]> {
  return []
}
