import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'

/**
 * Seeded connection entities, beside the Clearbit connector of the identity (workspace-management/seed.ts): a HubSpot connector signed in
 * through OAuth (autocompletes, dynamic schemas), an OpenAI one on credits (language models), and an
 * external custom integration. Ids in 0x3000–0x3fff.
 */

export const CONNECTION_SEED = {
  hubspotConnectorUuid: id(0x3001),
  openaiConnectorUuid: id(0x3002),
  customIntegrationUuid: id(0x3010),
} as const

/** A secret inside a config, as the API stores it (entities.md §0.1). */
export const encrypted = (label: string) => ({ type: 'encryption', isEncrypted: true, value: `encrypted:${label}` })

function connector(uuid: string, integrationSlug: string, name: string, config: Record<string, unknown> | null): StoredDoc {
  return {
    uuid,
    workspaceUuid: SEED.workspaceUuid,
    userUuid: SEED.userUuid,
    integrationSlug,
    name,
    slug: integrationSlug,
    rateLimit: null,
    cacheTtlMilliseconds: null,
    isDefault: true,
    useCredits: config === null,
    config,
    deletedAt: null,
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
  }
}

export function connectionDocs(): Array<[Kind, StoredDoc]> {
  return [
    ['connector', { ...connector(CONNECTION_SEED.hubspotConnectorUuid, 'hubspot', 'HubSpot', { accessToken: encrypted('hubspot-access-token') }), rateLimit: { unit: 'second', max: 10, strategy: 'burst' } }],
    ['connector', { ...connector(CONNECTION_SEED.openaiConnectorUuid, 'openai', 'OpenAI', null), cacheTtlMilliseconds: 3_600_000 }],
    [
      'customIntegration',
      {
        uuid: CONNECTION_SEED.customIntegrationUuid,
        workspaceUuid: SEED.workspaceUuid,
        slug: 'acme_internal',
        kind: 'external',
        baseUrl: 'https://integrations.acme.example/cargo',
        createdAt: SEEDED_AT,
        updatedAt: SEEDED_AT,
        deletedAt: null,
      },
    ],
  ]
}
