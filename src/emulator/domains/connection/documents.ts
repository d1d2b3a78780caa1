import type { Connector, CustomIntegration, Integration } from '../../../api/schemas/connection.js'
import type { WithNulls } from '../../kernel/doc-fields.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored connection documents: connectors, custom integrations and the catalogue's integrations (`_documentation` is internal). */

/** The fields of the API's Connector the emulator reads, nulls kept. */
export type ConnectorDoc = StoredDoc & Pick<WithNulls<Connector>, 'workspaceUuid' | 'integrationSlug' | 'slug' | 'isDefault' | 'useCredits' | 'config' | 'deletedAt'>

/** Either kind of the API's CustomIntegration, nulls kept. */
export type CustomIntegrationDoc = StoredDoc & Pick<WithNulls<CustomIntegration>, 'kind' | 'deletedAt'>

/** The fields of the API's Integration the emulator reads; `_documentation` (the markdown of the documentation endpoint) is internal. */
export type IntegrationDoc = StoredDoc & Pick<Integration, 'slug' | 'name' | 'category' | 'actions' | 'extractors'> & { _documentation: string }
