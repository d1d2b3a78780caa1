import type { JsonObject } from '../../expressions.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored connection documents: connectors, custom integrations and the catalogue's integrations (`_documentation` is internal). */

export interface ConnectorDoc extends StoredDoc {
  workspaceUuid: string
  integrationSlug: string
  slug: string
  isDefault: boolean
  useCredits: boolean
  config: JsonObject | null
  deletedAt: string | null
}

export interface CustomIntegrationDoc extends StoredDoc {
  kind: 'external' | 'worker'
  deletedAt: string | null
}

export interface IntegrationDoc extends StoredDoc {
  slug: string
  name: string
  category: string
  actions: JsonObject
  extractors: JsonObject
  _documentation: string
}
