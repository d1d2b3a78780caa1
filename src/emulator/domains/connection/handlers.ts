import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/connection.js'
import { type IntegrationSpec, integrationSpec, stableHash } from '../../catalog.js'
import { type Ctx, type Handler, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { type ReleaseDoc, type WorkflowDoc } from '../orchestration/documents.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { badRequest, notFound } from '../../kernel/http.js'
import type { StoredDoc } from '../../kernel/store.js'
import { iso } from '../../kernel/timing.js'
import { KINDS as HOSTING_KINDS } from '../hosting/documents.js'
import type { ConnectorDoc, CustomIntegrationDoc, IntegrationDoc } from './documents.js'

/**
 * Connectors (per workspace), the integration catalogue and the native integration (stored by the seed
 * for every workspace, keyed by slug), OAuth with deterministic fake values, and custom integrations.
 */

/** A catalogue document as the API sends it: no storage key, no internal fields. */
function catalogueView(doc: StoredDoc): JsonObject {
  const { uuid: _key, ...wire } = publicView(doc)
  return wire as JsonObject
}

function integrationDoc(ctx: Ctx, slug: string): IntegrationDoc {
  const doc = lookup<IntegrationDoc>(ctx, 'integration', slug)
  if (!doc) throw notFound('integration')
  return doc
}

/** The executable side of an integration (autocompletes, schemas, models), behind a connector. */
function connectorIntegration(ctx: Ctx, connectorUuid: string): { connector: ConnectorDoc; spec: IntegrationSpec | undefined } {
  const connector = mustGet<ConnectorDoc>(ctx, 'connector', connectorUuid, 'connector')
  return { connector, spec: integrationSpec(connector.integrationSlug) }
}

function oauthIntegration(ctx: Ctx, slug: string): IntegrationSpec {
  integrationDoc(ctx, slug)
  const spec = integrationSpec(slug)
  if (!spec?.oauth) throw badRequest('initiateOauthNotSupported', `${spec?.name ?? slug} does not sign in through OAuth; give its credentials in connector create --config`)
  return spec
}

// ---------------------------------------------------------------------------------------------
// Connectors

/** Workflows whose current graphs (draft or deployed) name the connector, and models that read from it. */
function usage(ctx: Ctx, connectorUuid: string) {
  const workflows = new Set<string>()
  for (const release of live<ReleaseDoc>(ctx, 'release')) {
    const usesIt = release.nodes.some((node) => node.kind === 'connector' && node.connectorUuid === connectorUuid)
    if (release.status !== 'archived' && usesIt) workflows.add(release.workflowUuid)
  }
  const owners = [...workflows].map((uuid) => lookup<WorkflowDoc>(ctx, 'workflow', uuid))
  return {
    playsCount: owners.filter((workflow) => workflow?.playUuid).length,
    toolsCount: owners.filter((workflow) => workflow?.toolUuid).length,
    modelsCount: live(ctx, 'model', { connectorUuid }).length,
  }
}

const connectorView = (ctx: Ctx, doc: ConnectorDoc) => ({ ...publicView(doc), ...usage(ctx, doc.uuid) })

function saveConnector(ctx: Ctx, doc: ConnectorDoc): { connector: JsonObject } {
  save(ctx, 'connector', doc)
  return { connector: connectorView(ctx, doc) as JsonObject }
}

/** One default connector per integration: the first one, or the one made default last. */
function clearOtherDefaults(ctx: Ctx, connector: ConnectorDoc): void {
  for (const other of live<ConnectorDoc>(ctx, 'connector', { integrationSlug: connector.integrationSlug, isDefault: true })) {
    if (other.uuid !== connector.uuid) save(ctx, 'connector', { ...other, isDefault: false, updatedAt: iso(ctx.now) })
  }
}

const connectorHandlers = [
  on(api.listConnectors, (ctx, { integrationSlug }) => ({
    connectors: live<ConnectorDoc>(ctx, 'connector', integrationSlug ? { integrationSlug } : {}).map((doc) => connectorView(ctx, doc)),
  })),
  on(api.getConnector, (ctx, { uuid }) => ({ connector: connectorView(ctx, mustGet<ConnectorDoc>(ctx, 'connector', uuid, 'connector')) })),
  on(api.connectorExistsBySlug, (ctx, { slug }) => ({ exists: live(ctx, 'connector', { slug }).length > 0 })),
  on(api.createConnector, (ctx, payload) => {
    const spec = integrationSpec(payload.integrationSlug)
    if (!spec) throw notFound('integration')
    if (live(ctx, 'connector', { slug: payload.slug }).length > 0) {
      throw badRequest('duplicateSlug', `A connector with the slug "${payload.slug}" already exists in this workspace`)
    }
    // without credentials of its own, a connector bills Cargo credits (when the integration allows it)
    const useCredits = payload.config === undefined && spec.creditsCompatible
    const connector: ConnectorDoc = {
      uuid: randomUUID(),
      workspaceUuid: ctx.workspaceUuid,
      userUuid: ctx.userUuid,
      integrationSlug: payload.integrationSlug,
      name: payload.name,
      slug: payload.slug,
      rateLimit: payload.rateLimit ?? null,
      cacheTtlMilliseconds: payload.cacheTtlMilliseconds ?? null,
      isDefault: live(ctx, 'connector', { integrationSlug: payload.integrationSlug }).length === 0,
      useCredits,
      config: useCredits ? null : ((payload.config as JsonObject | undefined) ?? {}),
      deletedAt: null,
      ...stamps(ctx),
    }
    // every connector gets a dataset of its own, where its models live (storage domain)
    const dataset = { uuid: randomUUID(), workspaceUuid: ctx.workspaceUuid, slug: payload.slug, kind: 'connector', connectorUuid: connector.uuid, deletedAt: null, ...stamps(ctx) }
    save(ctx, 'dataset', dataset)
    return { ...saveConnector(ctx, connector), dataset }
  }),
  on(api.updateConnector, (ctx, payload) => {
    const connector = mustGet<ConnectorDoc>(ctx, 'connector', payload.uuid, 'connector')
    const changes: Partial<ConnectorDoc> = sent(payload, ['name', 'config', 'isDefault', 'rateLimit', 'cacheTtlMilliseconds']) as Partial<ConnectorDoc>
    if (changes.config !== undefined) changes.useCredits = changes.config === null
    const updated = { ...connector, ...changes, updatedAt: iso(ctx.now) }
    if (changes.isDefault) clearOtherDefaults(ctx, updated)
    return saveConnector(ctx, updated)
  }),
  on(api.removeConnector, (ctx, { uuid }) => {
    const connector = mustGet<ConnectorDoc>(ctx, 'connector', uuid, 'connector')
    const { playsCount, toolsCount, modelsCount } = usage(ctx, uuid)
    if (playsCount + toolsCount > 0) throw badRequest('connectorIsUsedInWorkflows')
    if (modelsCount > 0) throw badRequest('connectorIsUsedInModels')
    const deletedAt = iso(ctx.now)
    save(ctx, 'connector', { ...connector, deletedAt })
    for (const dataset of live(ctx, 'dataset', { connectorUuid: uuid })) save(ctx, 'dataset', { ...dataset, deletedAt })
  }),
  on(api.autocompleteConnector, (ctx, { connectorUuid, slug, params, value }) => {
    const { spec } = connectorIntegration(ctx, connectorUuid)
    if (!spec) throw badRequest('failedToGetIntegration')
    const autocomplete = spec.autocompletes && Object.hasOwn(spec.autocompletes, slug) ? spec.autocompletes[slug] : undefined
    if (!autocomplete) throw badRequest('failedToGetIntegrationAutocomplete', `${spec.name} has no autocomplete "${slug}"`)
    const values = autocomplete.values(params as JsonObject)
    if (!values) throw badRequest('failedToGetIntegrationAutocomplete', `Invalid autocomplete params for ${slug}: ${JSON.stringify(autocomplete.params.required ?? [])} expected`)
    const search = value?.trim().toLowerCase()
    const matches = (text: string) => !search || text.toLowerCase().includes(search)
    return { results: values.filter((item) => matches(item.label) || matches(item.value)) }
  }),
  on(api.getConnectorDynamicSchema, (ctx, { connectorUuid, slug, params }) => {
    const { spec } = connectorIntegration(ctx, connectorUuid)
    const dynamic = spec?.dynamicSchemas && Object.hasOwn(spec.dynamicSchemas, slug) ? spec.dynamicSchemas[slug] : undefined
    if (!spec || !dynamic) throw badRequest('failedToGetIntegration', `${spec?.name ?? 'The integration'} has no dynamic schema "${slug}"`)
    const built = dynamic.build(params as JsonObject)
    if (!built) throw badRequest('failedToGetIntegration', `Invalid params for the dynamic schema ${slug}`)
    return built
  }),
  on(api.getConnectorLanguageModels, (ctx, { connectorUuid }) => {
    const { spec } = connectorIntegration(ctx, connectorUuid)
    if (!spec) throw notFound('integration')
    if (!spec.languageModels) throw badRequest('languageModelsNotSupported')
    return { languageModels: spec.languageModels }
  }),
]

// ---------------------------------------------------------------------------------------------
// Integrations

function matchesFilters(doc: IntegrationDoc, filters: { category?: string; slugs?: string[]; search?: string; hasActions?: boolean; hasExtractors?: boolean }): boolean {
  const search = filters.search?.trim().toLowerCase()
  return (
    (filters.category === undefined || doc.category === filters.category) &&
    (filters.slugs === undefined || filters.slugs.includes(doc.slug)) &&
    (!search || doc.name.toLowerCase().includes(search) || doc.slug.toLowerCase().includes(search)) &&
    (filters.hasActions === undefined || Object.keys(doc.actions).length > 0 === filters.hasActions) &&
    (filters.hasExtractors === undefined || Object.keys(doc.extractors).length > 0 === filters.hasExtractors)
  )
}

const integrationHandlers = [
  on(api.listIntegrations, (ctx, filters) => ({
    integrations: ctx.store
      .find<IntegrationDoc>('integration')
      .filter((doc) => matchesFilters(doc, filters))
      .map(catalogueView),
  })),
  on(api.getIntegration, (ctx, { slug }) => ({ integration: catalogueView(integrationDoc(ctx, slug)) })),
  on(api.getIntegrationDocumentation, (ctx, { slug }) => integrationDoc(ctx, slug)._documentation),
  on(api.getNativeIntegration, (ctx) => ({ nativeIntegration: catalogueView(mustGet(ctx, 'nativeIntegration', 'native')) })),
  on(api.initiateIntegrationOauth, (ctx, { slug }) => {
    oauthIntegration(ctx, slug)
    const query = new URLSearchParams({ client_id: 'cargo-emulator', response_type: 'code', state: ctx.workspaceUuid })
    return { consentUrl: `https://oauth.emulator.local/${slug}/authorize?${query}` }
  }),
  on(api.completeIntegrationOauth, (ctx, { slug, params }) => {
    oauthIntegration(ctx, slug)
    const code = params.code
    if (typeof code !== 'string' || code === '') {
      throw badRequest('invalidOauthParams', 'params.code is missing: pass the parameters the provider sent to the callback')
    }
    // the same code always gives the same token, so that tests can predict it
    const token = stableHash(`${slug}:${code}`).toString(16)
    return { value: `emulated-${slug}-access-${token}`, extraValues: { refreshToken: `emulated-${slug}-refresh-${token}` } }
  }),
]

// ---------------------------------------------------------------------------------------------
// Custom integrations

const getCustom = (ctx: Ctx, uuid: string) => mustGet<CustomIntegrationDoc>(ctx, 'customIntegration', uuid, 'customIntegration')

function saveCustom(ctx: Ctx, doc: CustomIntegrationDoc): { customIntegration: CustomIntegrationDoc } {
  save(ctx, 'customIntegration', doc)
  return { customIntegration: publicView(doc) }
}

/** A worker integration runs on a hosting worker of the workspace (domains/hosting). */
function checkWorker(ctx: Ctx, workerUuid: string | undefined): void {
  if (workerUuid !== undefined) mustGet(ctx, HOSTING_KINDS.worker, workerUuid, 'worker')
}

const customIntegrationHandlers = [
  on(api.listCustomIntegrations, (ctx) => ({ customIntegrations: live<CustomIntegrationDoc>(ctx, 'customIntegration').map(publicView) })),
  // the API wraps this one under `connector`
  on(api.getCustomIntegration, (ctx, { uuid }) => ({ connector: publicView(getCustom(ctx, uuid)) })),
  on(api.createCustomIntegration, (ctx, { kind, baseUrl, workerUuid }) => {
    const uuid = randomUUID()
    const hosting = kind === 'external' ? { baseUrl } : { workerUuid }
    if (kind === 'worker') checkWorker(ctx, workerUuid)
    return saveCustom(ctx, { uuid, workspaceUuid: ctx.workspaceUuid, slug: `custom_${uuid.slice(0, 8)}`, kind, ...hosting, deletedAt: null, ...stamps(ctx) })
  }),
  on(api.updateCustomIntegration, (ctx, payload) => {
    const doc = getCustom(ctx, payload.uuid)
    if (payload.workerUuid !== undefined && doc.kind !== 'worker') throw badRequest('customIntegrationNotWorker')
    if (payload.baseUrl !== undefined && doc.kind !== 'external') throw badRequest('customIntegrationNotExternal')
    checkWorker(ctx, payload.workerUuid)
    return saveCustom(ctx, { ...doc, ...sent(payload, ['baseUrl', 'workerUuid']), updatedAt: iso(ctx.now) })
  }),
  on(api.removeCustomIntegration, (ctx, { uuid }) => {
    save(ctx, 'customIntegration', { ...getCustom(ctx, uuid), deletedAt: iso(ctx.now) })
  }),
]

/** Emulated connection endpoints. */
export const connectionHandlers: Array<[string, Handler]> = [...connectorHandlers, ...integrationHandlers, ...customIntegrationHandlers]
