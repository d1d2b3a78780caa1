import type { Kind, StoredDoc } from './store.js'

/** Seeded system-of-record entities (to be filled). */
export function systemOfRecordDocs(): Array<[Kind, StoredDoc]> {
  return []
}
