import type { Kind, StoredDoc } from './store.js'

/** Seeded workspaceManagement entities beyond the identity ones (to be filled). */
export function workspaceDocs(): Array<[Kind, StoredDoc]> {
  return []
}
