import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CargoClient } from '../../src/api/client.js'
import * as c from '../../src/api/endpoints/connection.js'
import { SEED } from '../../src/emulator/index.js'
import { HOSTING_SEED } from '../../src/emulator/domains/hosting/index.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { Harness, ORIGIN, checkedEndpoints } from './harness.js'

/**
 * The connection domain of the emulator. Every successful answer is checked against the client's result
 * schema by the harness; the last test makes sure every connection endpoint was called.
 */

const clearbit = SEED.clearbitConnectorUuid
const hubspot = CONNECTION_SEED.hubspotConnectorUuid
const openai = CONNECTION_SEED.openaiConnectorUuid

/** A documentation body: `raw` reads a text body, or decodes it when an emulator sends it as a JSON string. */
function bodyText(body: unknown): string {
  expect(typeof body).toBe('string')
  return body as string
}

describe('emulated connection API', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('integrations', () => {
    const slugs = async (payload: Parameters<typeof h.ok<typeof c.listIntegrations>>[1]) =>
      (await h.ok(c.listIntegrations, payload)).integrations.map((integration: { slug: string }) => integration.slug)

    it('lists the catalogue, filtered by category, slugs, search, hasActions and hasExtractors', async () => {
      expect(await slugs({})).toEqual(['clearbit', 'hunter', 'hubspot', 'openai'])
      expect(await slugs({ category: 'enrichment' })).toEqual(['clearbit', 'hunter'])
      expect(await slugs({ slugs: ['hunter'] })).toEqual(['hunter'])
      expect(await slugs({ slugs: ['openai', 'hunter', 'nosuch'] })).toEqual(['hunter', 'openai'])
      expect(await slugs({ search: 'SPOT' })).toEqual(['hubspot'])
      expect(await slugs({ hasActions: false })).toEqual(['openai'])
      expect(await slugs({ hasActions: true, hasExtractors: true })).toEqual(['hubspot'])
      expect(await slugs({ hasExtractors: false, category: 'sales' })).toEqual([])
    })

    it('reads hasActions=false from the query string as a boolean', async () => {
      const answer = await h.raw('GET', '/v1/connection/integrations/list?hasActions=false')
      expect(answer.body.integrations.map((integration: { slug: string }) => integration.slug)).toEqual(['openai'])
    })

    it('gets one integration in the wire shape: actions keyed by slug, their schema under config.schema only', async () => {
      const { integration } = await h.ok(c.getIntegration, { slug: 'hubspot' })
      expect(integration).not.toHaveProperty('uuid')
      expect(integration).not.toHaveProperty('_documentation')
      expect(Object.keys(integration.actions)).toEqual(['upsert_object'])
      const action = integration.actions.upsert_object
      expect(Object.keys(action.config).sort()).toEqual(['schema', 'uiSchema'])
      expect(action.config.uiSchema.objectType['ui:widget']).toBe('IntegrationAutocompleteWidget')
      expect(integration.autocompletes.map((autocomplete: { slug: string }) => autocomplete.slug)).toEqual(['listObjects', 'listObjectProperties'])
      expect(Object.keys(integration.dynamicSchemas)).toEqual(['objectProperties'])
      expect(integration.connector.config.schema.required).toEqual(['accessToken'])
    })

    it('answers 404 integrationNotFound for an unknown slug', async () => {
      expect(await h.call(c.getIntegration, { slug: 'nope' })).toEqual({ status: 404, body: { reason: 'integrationNotFound' } })
    })

    it('serves the documentation as markdown text', async () => {
      const answer = await h.raw('GET', '/v1/connection/integrations/clearbit/documentation')
      expect(answer.status).toBe(200)
      const text = bodyText(answer.body)
      expect(text).toMatch(/^# Clearbit\n/)
      expect(text).toContain('### Enrich company (`company_enrich`)')
      expect(text).toContain('- `domain` (string, required)')
      expect((await h.raw('GET', '/v1/connection/integrations/nope/documentation')).status).toBe(404)
      checkedEndpoints.set(c.getIntegrationDocumentation.name, 1)
    })

    it('is read by the client as the markdown itself (an answer in text/markdown, not a JSON string)', async () => {
      const client = new CargoClient({ baseUrl: ORIGIN, token: SEED.token, version: 'test', fetch: (url, init) => h.emulator.handle(new Request(url, init)) })
      const text = await client.call(c.getIntegrationDocumentation, { slug: 'hunter' })
      expect(text.startsWith('# Hunter\n')).toBe(true)
    })

    it("gets Cargo's native integration: actions and extractors keyed by slug", async () => {
      const { nativeIntegration } = await h.ok(c.getNativeIntegration, {})
      expect(nativeIntegration).not.toHaveProperty('uuid')
      expect(nativeIntegration.actions.branch).toMatchObject({ category: 'logic', childrenCount: 2 })
      expect(nativeIntegration.actions.end).toMatchObject({ category: 'invisible', childrenCount: 0 })
      expect(Object.keys(nativeIntegration.extractors)).toEqual(['file', 'companies'])
    })
  })

  describe('OAuth', () => {
    it('initiates with a deterministic consent URL, only for OAuth integrations', async () => {
      const { consentUrl } = await h.ok(c.initiateIntegrationOauth, { slug: 'hubspot' })
      expect(consentUrl).toBe(`https://oauth.emulator.local/hubspot/authorize?client_id=cargo-emulator&response_type=code&state=${SEED.workspaceUuid}`)
      expect((await h.call(c.initiateIntegrationOauth, { slug: 'clearbit' })).body.reason).toBe('initiateOauthNotSupported')
      expect(await h.call(c.initiateIntegrationOauth, { slug: 'nope' })).toEqual({ status: 404, body: { reason: 'integrationNotFound' } })
    })

    it('completes with the same values for the same code, and refuses params without a code', async () => {
      const first = await h.ok(c.completeIntegrationOauth, { slug: 'hubspot', params: { code: 'abc', state: 'x' } })
      const again = await h.ok(c.completeIntegrationOauth, { slug: 'hubspot', params: { code: 'abc' } })
      const other = await h.ok(c.completeIntegrationOauth, { slug: 'hubspot', params: { code: 'abd' } })
      expect(first).toEqual(again)
      expect(first.value).toMatch(/^emulated-hubspot-access-[0-9a-f]+$/)
      expect(first.extraValues.refreshToken).toMatch(/^emulated-hubspot-refresh-/)
      expect(other.value).not.toBe(first.value)
      const missing = await h.call(c.completeIntegrationOauth, { slug: 'hubspot', params: {} })
      expect(missing.status).toBe(400)
      expect(missing.body.errorMessage).toMatch(/params\.code/)
    })
  })

  describe('connectors', () => {
    it('lists the seeded connectors with their usage, sending nulls for empty nullable fields', async () => {
      const answer = await h.raw('GET', '/v1/connection/connectors/list')
      expect(answer.body.connectors.map((connector: { slug: string }) => connector.slug)).toEqual(['clearbit', 'hubspot', 'openai'])
      expect(answer.body.connectors[0]).toMatchObject({
        uuid: clearbit,
        useCredits: true,
        config: null,
        rateLimit: null,
        isDefault: true,
        // the seeded tool and play both have a node on this connector
        playsCount: 1,
        toolsCount: 1,
        modelsCount: 0,
      })
      const { connectors } = await h.ok(c.listConnectors, { integrationSlug: 'hubspot' })
      expect(connectors.map((connector: { uuid: string }) => connector.uuid)).toEqual([hubspot])
    })

    it('creates a connector with its dataset; on credits without --config, on its own credentials with it', async () => {
      const credits = await h.ok(c.createConnector, { integrationSlug: 'clearbit', slug: 'clearbit_two', name: 'Clearbit 2' })
      expect(credits.connector).toMatchObject({ slug: 'clearbit_two', useCredits: true, isDefault: false, playsCount: 0, userUuid: SEED.userUuid })
      expect(credits.dataset).toMatchObject({ slug: 'clearbit_two', kind: 'connector', connectorUuid: credits.connector.uuid })
      const own = await h.ok(c.createConnector, {
        integrationSlug: 'hunter',
        slug: 'hunter_own',
        name: 'Hunter',
        config: { apiKey: 'k' },
        rateLimit: { unit: 'minute', max: 60, strategy: 'spread' },
        cacheTtlMilliseconds: 1000,
      })
      expect(own.connector).toMatchObject({ useCredits: false, config: { apiKey: 'k' }, isDefault: true, rateLimit: { unit: 'minute', max: 60 }, cacheTtlMilliseconds: 1000 })
      expect(await h.ok(c.connectorExistsBySlug, { slug: 'hunter_own' })).toEqual({ exists: true })
      expect(await h.ok(c.connectorExistsBySlug, { slug: 'hunter_other' })).toEqual({ exists: false })
    })

    it('refuses a taken slug and an unknown integration', async () => {
      const taken = await h.call(c.createConnector, { integrationSlug: 'clearbit', slug: 'clearbit', name: 'Again' })
      expect(taken.status).toBe(400)
      expect(taken.body.errorMessage).toMatch(/already exists/)
      expect(await h.call(c.createConnector, { integrationSlug: 'nope', slug: 'x', name: 'x' })).toEqual({ status: 404, body: { reason: 'integrationNotFound' } })
    })

    it('updates only what was sent: a new default clears the old one, null config goes back to credits', async () => {
      const { connector: created } = await h.ok(c.createConnector, { integrationSlug: 'clearbit', slug: 'clearbit_default', name: 'C', config: { apiKey: 'a' } })
      const { connector } = await h.ok(c.updateConnector, { uuid: created.uuid, isDefault: true, config: null, rateLimit: null })
      expect(connector).toMatchObject({ name: 'C', isDefault: true, useCredits: true })
      expect(connector.config).toBeNull()
      expect((await h.ok(c.getConnector, { uuid: clearbit })).connector.isDefault).toBe(false)
      const renamed = await h.ok(c.updateConnector, { uuid: created.uuid, name: 'Renamed' })
      expect(renamed.connector).toMatchObject({ name: 'Renamed', isDefault: true })
      expect(await h.call(c.updateConnector, { uuid: '00000000-0000-4000-8000-00000000dead', name: 'x' })).toEqual({ status: 404, body: { reason: 'connectorNotFound' } })
    })

    it('removes an unused connector (and its dataset), refuses one that workflows use', async () => {
      expect(await h.call(c.removeConnector, { uuid: clearbit })).toEqual({ status: 400, body: { reason: 'connectorIsUsedInWorkflows' } })
      const { connector } = await h.ok(c.createConnector, { integrationSlug: 'hunter', slug: 'hunter_gone', name: 'Gone' })
      await h.ok(c.removeConnector, { uuid: connector.uuid })
      expect(await h.call(c.getConnector, { uuid: connector.uuid })).toEqual({ status: 404, body: { reason: 'connectorNotFound' } })
      expect(await h.ok(c.connectorExistsBySlug, { slug: 'hunter_gone' })).toEqual({ exists: false })
      expect(await h.call(c.removeConnector, { uuid: connector.uuid })).toEqual({ status: 404, body: { reason: 'connectorNotFound' } })
    })
  })

  describe('live connector data', () => {
    it('autocompletes through a connector, narrowed by value', async () => {
      const objects = await h.ok(c.autocompleteConnector, { connectorUuid: hubspot, slug: 'listObjects', params: {} })
      expect(objects.results.map((result: { value: string }) => result.value)).toEqual(['contacts', 'companies', 'deals'])
      const properties = await h.ok(c.autocompleteConnector, { connectorUuid: hubspot, slug: 'listObjectProperties', params: { objectType: 'contacts' }, value: 'MAIL', refresh: true })
      expect(properties.results).toEqual([{ label: 'Email', value: 'email', parent: 'contacts', description: 'string property' }])
    })

    it('refuses missing params, unknown autocompletes and unknown connectors', async () => {
      const invalid = await h.call(c.autocompleteConnector, { connectorUuid: hubspot, slug: 'listObjectProperties', params: {} })
      expect(invalid.status).toBe(400)
      expect(invalid.body).toMatchObject({ reason: 'failedToGetIntegrationAutocomplete', errorMessage: expect.stringMatching(/^Invalid autocomplete params/) })
      expect((await h.call(c.autocompleteConnector, { connectorUuid: clearbit, slug: 'listObjects', params: {} })).body.reason).toBe('failedToGetIntegrationAutocomplete')
      expect(await h.call(c.autocompleteConnector, { connectorUuid: '00000000-0000-4000-8000-00000000dead', slug: 'listObjects', params: {} })).toEqual({ status: 404, body: { reason: 'connectorNotFound' } })
    })

    it('builds a dynamic schema from the path slug and the params', async () => {
      const built = await h.ok(c.getConnectorDynamicSchema, { connectorUuid: hubspot, slug: 'objectProperties', params: { objectType: 'deals' } })
      expect(Object.keys(built.schema.properties)).toEqual(['dealname', 'amount', 'dealstage'])
      expect(built.uiSchema['ui:order']).toEqual(['dealname', 'amount', 'dealstage'])
      expect((await h.call(c.getConnectorDynamicSchema, { connectorUuid: hubspot, slug: 'nope', params: {} })).body.reason).toBe('failedToGetIntegration')
    })

    it('lists language models of AI integrations only', async () => {
      const { languageModels } = await h.ok(c.getConnectorLanguageModels, { connectorUuid: openai })
      expect(languageModels.map((model: { slug: string }) => model.slug)).toEqual(['gpt-4o', 'o3-mini'])
      expect(await h.call(c.getConnectorLanguageModels, { connectorUuid: clearbit })).toEqual({ status: 400, body: { reason: 'languageModelsNotSupported' } })
    })
  })

  describe('custom integrations', () => {
    it('creates, lists, gets (under "connector"), updates and removes', async () => {
      const seeded = await h.ok(c.listCustomIntegrations, {})
      expect(seeded.customIntegrations.map((item: { uuid: string }) => item.uuid)).toEqual([CONNECTION_SEED.customIntegrationUuid])
      const worker = (await h.ok(c.createCustomIntegration, { kind: 'worker', workerUuid: HOSTING_SEED.worker.uuid })).customIntegration
      expect(worker).toMatchObject({ kind: 'worker', workerUuid: HOSTING_SEED.worker.uuid, slug: expect.stringMatching(/^custom_/) })
      expect(worker).not.toHaveProperty('baseUrl')
      expect(await h.ok(c.getCustomIntegration, { uuid: worker.uuid })).toEqual({ connector: worker })
      const moved = await h.ok(c.updateCustomIntegration, { uuid: worker.uuid, workerUuid: HOSTING_SEED.worker.uuid })
      expect(moved.customIntegration.workerUuid).toBe(HOSTING_SEED.worker.uuid)
      // the worker must exist in the workspace, on create and on update
      const ghost = '00000000-0000-4000-8000-00000000bee2'
      expect(await h.call(c.createCustomIntegration, { kind: 'worker', workerUuid: ghost })).toEqual({ status: 404, body: { reason: 'workerNotFound' } })
      expect(await h.call(c.updateCustomIntegration, { uuid: worker.uuid, workerUuid: ghost })).toEqual({ status: 404, body: { reason: 'workerNotFound' } })
      expect(await h.call(c.updateCustomIntegration, { uuid: worker.uuid, baseUrl: 'https://x.test' })).toEqual({ status: 400, body: { reason: 'customIntegrationNotExternal' } })
      const external = CONNECTION_SEED.customIntegrationUuid
      expect(await h.call(c.updateCustomIntegration, { uuid: external, workerUuid: '00000000-0000-4000-8000-00000000bee3' })).toEqual({ status: 400, body: { reason: 'customIntegrationNotWorker' } })
      await h.ok(c.removeCustomIntegration, { uuid: worker.uuid })
      expect(await h.call(c.getCustomIntegration, { uuid: worker.uuid })).toEqual({ status: 404, body: { reason: 'customIntegrationNotFound' } })
    })

    it('refuses a kind without its hosting field', async () => {
      const answer = await h.raw('POST', '/v1/connection/customIntegrations', { body: JSON.stringify({ kind: 'external' }) })
      expect(answer.status).toBe(400)
      expect(answer.body.errorMessage).toMatch(/baseUrl/)
    })
  })

  it('called every connection endpoint', () => {
    const names = Object.values(c).map((endpoint) => endpoint.name)
    expect(names.filter((name) => !checkedEndpoints.has(name))).toEqual([])
  })
})
