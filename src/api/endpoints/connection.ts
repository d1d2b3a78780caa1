/**
 * The connection endpoints (wire.md §18): one entry per HTTP call of the `connection` commands
 * (spec/commands/connection.json). Ids in `{placeholders}` travel in the path only.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { jsonObject, uuid, voidResult } from '../schemas/common.js'
import {
  autocompleteResult,
  connector,
  connectorDataset,
  customIntegration,
  customIntegrationKind,
  dynamicSchemaResult,
  integration,
  integrationCategory,
  languageModel,
  nativeIntegration,
  oauthCompletion,
  rateLimitInput,
} from '../schemas/connection.js'
import { opt, optNull, req } from '../schemas/fields.js'

const slug = z.string().min(1)
const connectorUuidInPath = req(uuid, 'Connector to use (goes into the path; see connector list)')
const integrationSlugInPath = req(slug, 'Slug of the integration, e.g. hubspot or clearbit (goes into the path)')

const reasons = {
  connectorNotFound: 'No connector matches this UUID; run `connection connector list`.',
  integrationNotFound: 'No integration has this slug; run `connection integration list`.',
  failedToGetIntegration: "The connector's integration is not available, so the request could not be served.",
  customIntegrationNotFound: 'No custom integration matches this UUID.',
  workerNotFound: 'No worker matches this UUID.',
}

const rateLimitDescription = 'Rate limit as JSON: {"unit": "day"|"hour"|"minute"|"second", "max": <number>, "strategy": "spread"|"burst"}'

// ---------------------------------------------------------------------------------------------
// Connectors

export const listConnectors = defineEndpoint({
  name: 'connection.listConnectors',
  method: 'GET',
  path: '/connection/connectors/list',
  payloadIn: 'query',
  payload: z.object({ integrationSlug: opt(slug, 'Only the connectors of this integration, e.g. clearbit or hubspot') }),
  result: z.looseObject({ connectors: z.array(connector) }),
  reasons: {},
})

export const getConnector = defineEndpoint({
  name: 'connection.getConnector',
  method: 'GET',
  path: '/connection/connectors/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the connector') }),
  result: z.looseObject({ connector }),
  reasons: { connectorNotFound: reasons.connectorNotFound },
})

export const createConnector = defineEndpoint({
  name: 'connection.createConnector',
  method: 'POST',
  path: '/connection/connectors',
  payloadIn: 'body',
  payload: z.object({
    integrationSlug: req(slug, 'Integration to connect (a slug from `connection integration list`)'),
    slug: req(slug, 'Identifier of the new connector, unique in the workspace (no spaces)'),
    name: req(z.string().min(1), 'Display name of the connector'),
    config: opt(
      jsonObject,
      "Credentials and settings as JSON, shaped by the integration's connector.config schema; leave out for integrations billed in Cargo credits",
    ),
    rateLimit: opt(rateLimitInput, rateLimitDescription),
    cacheTtlMilliseconds: opt(z.int().nonnegative(), 'How long action results stay cached, in milliseconds'),
  }),
  result: z.looseObject({ connector, dataset: connectorDataset }),
  reasons: { integrationNotFound: reasons.integrationNotFound },
})

export const updateConnector = defineEndpoint({
  name: 'connection.updateConnector',
  method: 'PUT',
  path: '/connection/connectors/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the connector to change (goes into the path)'),
    name: opt(z.string().min(1), 'New display name'),
    config: optNull(jsonObject, 'New credentials and settings as JSON, replacing the old ones (null: bill Cargo credits instead)'),
    isDefault: opt(z.boolean(), 'Make this connector the default one of its integration'),
    rateLimit: optNull(rateLimitInput, `${rateLimitDescription}; null removes the limit`),
    cacheTtlMilliseconds: optNull(z.int().nonnegative(), 'How long action results stay cached, in milliseconds (null: no caching)'),
  }),
  result: z.looseObject({ connector }),
  reasons: { connectorNotFound: reasons.connectorNotFound, integrationNotFound: reasons.integrationNotFound },
})

export const removeConnector = defineEndpoint({
  name: 'connection.removeConnector',
  method: 'DELETE',
  path: '/connection/connectors/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the connector') }),
  result: voidResult,
  reasons: {
    connectorNotFound: reasons.connectorNotFound,
    connectorIsUsedInWorkflows: 'The connector is still referenced by workflows (plays or tools); change those first.',
    connectorIsUsedInModels: 'The connector is still referenced by data models; change those first.',
  },
})

export const connectorExistsBySlug = defineEndpoint({
  name: 'connection.connectorExistsBySlug',
  method: 'GET',
  path: '/connection/connectors/existsBySlug',
  payloadIn: 'query',
  payload: z.object({ slug: req(slug, 'Connector slug to look for') }),
  result: z.looseObject({ exists: z.boolean() }),
  reasons: {},
})

export const autocompleteConnector = defineEndpoint({
  name: 'connection.autocompleteConnector',
  method: 'POST',
  path: '/connection/connectors/{connectorUuid}/autocomplete',
  payloadIn: 'body',
  payload: z.object({
    connectorUuid: connectorUuidInPath,
    slug: req(slug, 'Autocomplete slug, from the field\'s uiSchema "ui:options".slug'),
    params: req(jsonObject, 'Parameters as a JSON object ({} when there are none); replace $this.$parent… expressions of "ui:options".params by real values'),
    value: opt(z.string(), 'Search text that narrows the results'),
    refresh: opt(z.boolean(), 'Skip the cached results (kept 30 minutes by default)'),
    variables: opt(jsonObject, 'Extra variables for the integration, as a JSON object'),
  }),
  result: z.looseObject({ results: z.array(autocompleteResult) }),
  reasons: {
    connectorNotFound: reasons.connectorNotFound,
    failedToGetIntegration: reasons.failedToGetIntegration,
    failedToGetIntegrationAutocomplete: 'The integration could not produce values for this autocomplete slug and params.',
  },
  idempotent: true,
})

export const getConnectorDynamicSchema = defineEndpoint({
  name: 'connection.getConnectorDynamicSchema',
  method: 'POST',
  path: '/connection/connectors/{connectorUuid}/dynamicSchemas/{slug}',
  payloadIn: 'body',
  payload: z.object({
    connectorUuid: connectorUuidInPath,
    slug: req(slug, "Dynamic schema slug: a key of the integration's dynamicSchemas (goes into the path)"),
    params: req(jsonObject, 'Parameters of the schema as a JSON object'),
  }),
  result: dynamicSchemaResult,
  reasons: { connectorNotFound: reasons.connectorNotFound, failedToGetIntegration: reasons.failedToGetIntegration },
  idempotent: true,
})

export const getConnectorLanguageModels = defineEndpoint({
  name: 'connection.getConnectorLanguageModels',
  method: 'GET',
  path: '/connection/connectors/{connectorUuid}/languageModels',
  payloadIn: 'none',
  payload: z.object({ connectorUuid: connectorUuidInPath }),
  result: z.looseObject({ languageModels: z.array(languageModel) }),
  reasons: {
    connectorNotFound: reasons.connectorNotFound,
    integrationNotFound: reasons.integrationNotFound,
    languageModelsNotSupported: "This connector's integration does not provide language models.",
    failedToGetLanguageModels: 'The integration failed to return its language models.',
  },
})

// ---------------------------------------------------------------------------------------------
// Integrations

export const listIntegrations = defineEndpoint({
  name: 'connection.listIntegrations',
  method: 'GET',
  path: '/connection/integrations/list',
  payloadIn: 'query',
  payload: z.object({
    category: opt(integrationCategory, 'Only integrations of this category'),
    search: opt(z.string(), 'Text searched in the integration names'),
    // the newest CLI's --slugs; the 1.0.57 client sent a single `slug`, the list's field name is inferred (UPSTREAM.md (b))
    slugs: opt(z.array(slug), 'Only the integrations with these exact slugs'),
    hasActions: opt(z.boolean(), 'Whether the integration offers actions (usable in workflow nodes); --has-actions true and --no-has-actions work too'),
    hasExtractors: opt(z.boolean(), 'Whether the integration offers extractors (which sync data into models)'),
  }),
  result: z.looseObject({ integrations: z.array(integration) }),
  reasons: {},
})

export const getIntegration = defineEndpoint({
  name: 'connection.getIntegration',
  method: 'GET',
  path: '/connection/integrations/{slug}',
  payloadIn: 'none',
  payload: z.object({ slug: req(slug, 'Slug of the integration') }),
  result: z.looseObject({ integration }),
  reasons: { integrationNotFound: reasons.integrationNotFound },
})

/** Markdown text, not JSON (wire.md §5); the API maps no reasons for it. */
export const getIntegrationDocumentation = defineEndpoint({
  name: 'connection.getIntegrationDocumentation',
  method: 'GET',
  path: '/connection/integrations/{slug}/documentation',
  payloadIn: 'none',
  payload: z.object({ slug: req(slug, 'Slug of the integration') }),
  result: z.string(),
  reasons: {},
  textResult: true,
})

export const completeIntegrationOauth = defineEndpoint({
  name: 'connection.completeIntegrationOauth',
  method: 'POST',
  path: '/connection/integrations/{slug}/completeOauth',
  payloadIn: 'body',
  payload: z.object({
    slug: integrationSlugInPath,
    params: req(jsonObject, 'The parameters the OAuth provider sent back to the callback, as JSON (e.g. {"code": "…", "state": "…"})'),
  }),
  result: oauthCompletion,
  reasons: {},
})

export const initiateIntegrationOauth = defineEndpoint({
  name: 'connection.initiateIntegrationOauth',
  method: 'POST',
  path: '/connection/integrations/{slug}/initiateOauth',
  payloadIn: 'none',
  payload: z.object({ slug: integrationSlugInPath }),
  result: z.looseObject({ consentUrl: z.string() }),
  reasons: {
    integrationNotFound: reasons.integrationNotFound,
    initiateOauthNotSupported: 'This integration has no OAuth flow that can be started from the API.',
    failedToInitiateOauth: 'Starting the OAuth flow failed.',
  },
})

export const getNativeIntegration = defineEndpoint({
  name: 'connection.getNativeIntegration',
  method: 'GET',
  path: '/connection/nativeIntegrations',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ nativeIntegration }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Custom integrations

type Refinement = { addIssue: (issue: { code: 'custom'; message: string; path?: PropertyKey[] }) => void }

/** The API's payload is a union: {kind: "external", baseUrl} | {kind: "worker", workerUuid}. */
function hostingOfKind(value: { kind: string; baseUrl?: string; workerUuid?: string }, ctx: Refinement) {
  if (value.kind === 'external' && value.baseUrl === undefined) {
    ctx.addIssue({ code: 'custom', message: 'an external integration needs its base URL', path: ['baseUrl'] })
  }
  if (value.kind === 'worker' && value.workerUuid === undefined) {
    ctx.addIssue({ code: 'custom', message: 'a worker integration needs its worker UUID', path: ['workerUuid'] })
  }
}

const baseUrl = z.string().min(1)

export const createCustomIntegration = defineEndpoint({
  name: 'connection.createCustomIntegration',
  method: 'POST',
  path: '/connection/customIntegrations',
  payloadIn: 'body',
  payload: z
    .object({
      kind: req(customIntegrationKind, 'Where the integration runs: external (your own server) or worker (a Cargo worker)'),
      baseUrl: opt(baseUrl, 'Base URL of the server that hosts the integration (required with --kind external)'),
      workerUuid: opt(uuid, 'Worker that runs the integration (required with --kind worker)'),
    })
    .superRefine(hostingOfKind),
  result: z.looseObject({ customIntegration }),
  reasons: { workerNotFound: reasons.workerNotFound },
})

export const listCustomIntegrations = defineEndpoint({
  name: 'connection.listCustomIntegrations',
  method: 'GET',
  path: '/connection/customIntegrations/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ customIntegrations: z.array(customIntegration) }),
  reasons: {},
})

/** The API wraps the answer under `connector`, not `customIntegration` (spec note). */
export const getCustomIntegration = defineEndpoint({
  name: 'connection.getCustomIntegration',
  method: 'GET',
  path: '/connection/customIntegrations/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the custom integration') }),
  result: z.looseObject({ connector: customIntegration }),
  reasons: { customIntegrationNotFound: reasons.customIntegrationNotFound },
})

export const updateCustomIntegration = defineEndpoint({
  name: 'connection.updateCustomIntegration',
  method: 'PUT',
  path: '/connection/customIntegrations/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the custom integration to change (goes into the path)'),
    baseUrl: opt(baseUrl, 'New base URL (external integrations only)'),
    workerUuid: opt(uuid, 'New worker (worker integrations only)'),
  }),
  result: z.looseObject({ customIntegration }),
  reasons: {
    customIntegrationNotFound: reasons.customIntegrationNotFound,
    workerNotFound: reasons.workerNotFound,
    customIntegrationNotWorker: 'This custom integration is not worker-backed, so a worker UUID cannot be set on it.',
    customIntegrationNotExternal: 'This custom integration is not externally hosted, so a base URL cannot be set on it.',
  },
})

export const removeCustomIntegration = defineEndpoint({
  name: 'connection.removeCustomIntegration',
  method: 'DELETE',
  path: '/connection/customIntegrations/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the custom integration') }),
  result: voidResult,
  reasons: { customIntegrationNotFound: reasons.customIntegrationNotFound },
})
