import type { Kind, StoredDoc } from './store.js'

/** Seeded storage entities (to be filled). */
export function storageDocs(): Array<[Kind, StoredDoc]> {
  return []
}
