import { integrationDocs, nativeIntegrationDoc } from './catalog.js'
import { seededDocs } from './domains/index.js'
import { SEEDED_AT } from './kernel/seeded.js'
import type { Store } from './kernel/store.js'

/**
 * The fixed catalogue every emulator starts with (and returns to on reset): each domain's seeded documents
 * (domains/index.ts), then the integrations of the catalogue.
 */
export function seed(store: Store): void {
  for (const [kind, doc] of seededDocs()) {
    store.put(kind, doc, (doc.workspaceUuid as string | null | undefined) ?? null, SEEDED_AT)
  }
  for (const doc of [...integrationDocs(), nativeIntegrationDoc()]) store.put(doc.uuid === 'native' ? 'nativeIntegration' : 'integration', doc, null, SEEDED_AT)
  store.setMeta('seededAt', SEEDED_AT)
}

/** Seeds a new database file; a no-op when another process already did. */
export function ensureSeeded(store: Store): void {
  store.transaction(() => {
    if (store.getMeta('seededAt') === undefined) seed(store)
  })
}
