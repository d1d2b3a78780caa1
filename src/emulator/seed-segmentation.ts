import type { Kind, StoredDoc } from './store.js'

/** Seeded segmentation entities (to be filled). */
export function segmentationDocs(): Array<[Kind, StoredDoc]> {
  return []
}
