import type { Json, JsonObject } from './expressions.js'

/**
 * What the emulator knows how to execute: the native actions (entities.md §1.2) and a few third-party
 * integrations whose outputs are derived from their inputs, so that tests and examples are reproducible.
 * The same specs give the integration catalogue of the connection domain (entities.md §5.2): schemas,
 * autocompletes, dynamic schemas, language models and a generated markdown documentation.
 */

type Config = JsonObject

interface NativeActionSpec {
  name: string
  description: string
  category: 'invisible' | 'logic' | 'storage' | 'ai' | 'sales' | 'code'
  /** the exact length `childrenUuids` must have */
  childrenCount: (config: Config) => number
}

const one = () => 1

export const nativeActions = {
  start: { name: 'Start', description: 'Entry point; its output is the input record', category: 'invisible', childrenCount: one },
  end: { name: 'End', description: 'Exit point; its variables are the workflow output', category: 'invisible', childrenCount: () => 0 },
  variables: { name: 'Variables', description: 'Computes named values', category: 'logic', childrenCount: one },
  filter: { name: 'Filter', description: 'Continues only when the condition is true', category: 'logic', childrenCount: one },
  branch: { name: 'Branch', description: 'Routes to the first child when true, the second otherwise', category: 'logic', childrenCount: () => 2 },
  switch: {
    name: 'Switch',
    description: 'Routes to the child of the first route whose value is true',
    category: 'logic',
    childrenCount: (config) => (Array.isArray(config.routes) ? config.routes.length : 0),
  },
  split: { name: 'Split', description: 'Random A/B split (deterministic per record here)', category: 'logic', childrenCount: () => 2 },
  delay: { name: 'Delay', description: 'Waits (not in simulated time)', category: 'logic', childrenCount: one },
  group: { name: 'Group', description: 'Runs a sub-graph for every item', category: 'logic', childrenCount: one },
  agent: { name: 'Agent', description: 'Inline AI agent (canned answers here)', category: 'ai', childrenCount: one },
  python: { name: 'Python', description: 'Python script (not emulated)', category: 'code', childrenCount: one },
  script: { name: 'Script', description: 'JavaScript function body; its return value is `result`', category: 'code', childrenCount: one },
} satisfies Record<string, NativeActionSpec>

export type NativeActionSlug = keyof typeof nativeActions

export function isNativeAction(slug: string): slug is NativeActionSlug {
  return Object.hasOwn(nativeActions, slug)
}

export type ActionResult = { ok: true; output: JsonObject; title: string | null } | { ok: false; errorMessage: string }

export interface IntegrationActionSpec {
  name: string
  description: string
  creditsCost: number
  inputSchema: JsonObject
  /** widgets of config fields, e.g. an autocomplete (entities.md §5.2) */
  uiSchema?: JsonObject
  outputSchema: JsonObject
  execute: (config: Config) => ActionResult
}

export interface ExtractorSpec {
  name: string
  description: string
  kind: 'file' | 'query' | 'record'
  columns: JsonObject
  mode: JsonObject
}

export interface AutocompleteItem extends JsonObject {
  label: string
  value: string
}

/** Values of an autocomplete field; undefined when the params do not name anything it knows. */
export interface AutocompleteSpec {
  params: JsonObject
  values: (params: JsonObject) => AutocompleteItem[] | undefined
}

/** A config schema built from live data; undefined when the params do not name anything it knows. */
export interface DynamicSchemaSpec {
  params: JsonObject
  build: (params: JsonObject) => { schema: JsonObject; uiSchema?: JsonObject } | undefined
}

export interface IntegrationSpec {
  slug: string
  name: string
  description: string
  /** an IntegrationCategory (entities.md §5.1) */
  category: string
  color: string
  url: string
  /** JSON schema of the credentials a connector holds when it does not bill Cargo credits */
  connectorConfig: JsonObject
  /** connectors may bill Cargo credits instead of holding credentials */
  creditsCompatible: boolean
  /** sign-in through the provider's OAuth consent page */
  oauth?: boolean
  actions: Record<string, IntegrationActionSpec>
  extractors?: Record<string, ExtractorSpec>
  autocompletes?: Record<string, AutocompleteSpec>
  dynamicSchemas?: Record<string, DynamicSchemaSpec>
  languageModels?: JsonObject[]
}

/** FNV-1a: a small stable hash, so that the same input always gives the same fake data. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

const industries = ['Software', 'Manufacturing', 'Retail', 'Financial Services', 'Healthcare', 'Logistics']
const countries = ['US', 'FR', 'GB', 'DE', 'CA', 'ES']
const ranges: Array<[number, string]> = [
  [10, '1-10'],
  [50, '11-50'],
  [250, '51-250'],
  [1000, '251-1K'],
  [5000, '1K-5K'],
  [Number.POSITIVE_INFINITY, '5K+'],
]

function normalizeDomain(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/.*$/, '')
}

/** The fake firmographics of a domain: the name from its first label, the size from its hash (10 to ~10,000). */
export function companyProfile(domain: string): JsonObject {
  const clean = normalizeDomain(domain)
  const hash = stableHash(clean)
  const employees = Math.round(10 ** (1 + (hash % 1000) / 333))
  const name = (clean.split('.')[0] ?? clean)
    .split(/[-_]/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
  return {
    name,
    domain: clean,
    employees,
    industry: industries[hash % industries.length],
    country: countries[(hash >>> 8) % countries.length],
    foundedYear: 1950 + ((hash >>> 4) % 70),
    metrics: { employees, employeesRange: ranges.find(([max]) => employees <= max)?.[1] ?? '5K+' },
  }
}

function enrichCompany(config: Config): ActionResult {
  const domain = typeof config.domain === 'string' ? config.domain : typeof config.website === 'string' ? config.website : ''
  if (!domain.trim()) return { ok: false, errorMessage: 'company_enrich needs a domain (config.domain is empty)' }
  const profile = companyProfile(domain)
  if (String(profile.domain).endsWith('.invalid')) {
    return { ok: false, errorMessage: `No company found for the domain ${profile.domain}` }
  }
  return { ok: true, output: profile, title: String(profile.name) }
}

/** A work email from a person's name and company domain, the way email finders guess it. */
function findEmail(config: Config): ActionResult {
  const first = typeof config.firstName === 'string' ? config.firstName.trim().toLowerCase() : ''
  const last = typeof config.lastName === 'string' ? config.lastName.trim().toLowerCase() : ''
  const domain = normalizeDomain(typeof config.domain === 'string' ? config.domain : '')
  if (!first || !domain) return { ok: false, errorMessage: 'email_find needs firstName and domain' }
  if (domain.endsWith('.invalid')) return { ok: false, errorMessage: `No mail server found for ${domain}` }
  const email = `${first}${last ? `.${last}` : ''}@${domain}`
  return { ok: true, output: { email, confidence: 50 + (stableHash(email) % 50), domain }, title: email }
}

const stringProperty = { type: 'string' }
const numberProperty = { type: 'number' }

/** Also under the name the docs' node examples use (enrichCompanyFromDomain). */
const companyEnrich: IntegrationActionSpec = {
  name: 'Enrich company',
  description: 'Firmographics of a company from its domain',
  creditsCost: 1,
  inputSchema: { type: 'object', properties: { domain: stringProperty }, required: ['domain'] },
  outputSchema: {
    type: 'object',
    properties: {
      name: stringProperty,
      domain: stringProperty,
      employees: numberProperty,
      industry: stringProperty,
      country: stringProperty,
      foundedYear: numberProperty,
      metrics: { type: 'object', properties: { employees: numberProperty, employeesRange: stringProperty } },
    },
  },
  execute: enrichCompany,
}

const apiKeyConfig = (provider: string): JsonObject => ({
  type: 'object',
  properties: { apiKey: { type: 'string', description: `${provider} API key` } },
  required: ['apiKey'],
})

// HubSpot's CRM objects and their properties: [slug, label, type]
const hubspotObjects: Record<string, { label: string; properties: Array<[string, string, string]> }> = {
  contacts: {
    label: 'Contacts',
    properties: [['email', 'Email', 'string'], ['firstname', 'First name', 'string'], ['lastname', 'Last name', 'string'], ['jobtitle', 'Job title', 'string']],
  },
  companies: {
    label: 'Companies',
    properties: [['name', 'Name', 'string'], ['domain', 'Company domain', 'string'], ['industry', 'Industry', 'string'], ['numberofemployees', 'Employees', 'number']],
  },
  deals: { label: 'Deals', properties: [['dealname', 'Deal name', 'string'], ['amount', 'Amount', 'number'], ['dealstage', 'Deal stage', 'string']] },
}

const objectTypeParams: JsonObject = { type: 'object', properties: { objectType: stringProperty }, required: ['objectType'] }
const hubspotObject = (params: JsonObject) => (typeof params.objectType === 'string' && Object.hasOwn(hubspotObjects, params.objectType) ? hubspotObjects[params.objectType] : undefined)

function upsertObject(config: Config): ActionResult {
  const objectType = typeof config.objectType === 'string' ? config.objectType : ''
  if (!Object.hasOwn(hubspotObjects, objectType)) return { ok: false, errorMessage: `upsert_object: unknown objectType "${objectType}" (contacts, companies or deals)` }
  const properties = config.properties && typeof config.properties === 'object' && !Array.isArray(config.properties) ? config.properties : {}
  const id = String(stableHash(`${objectType}:${JSON.stringify(properties)}`))
  return { ok: true, output: { id, objectType, properties }, title: `${objectType} ${id}` }
}

const autocompleteWidget = (slug: string, params?: JsonObject): JsonObject => ({
  'ui:widget': 'IntegrationAutocompleteWidget',
  'ui:options': { slug, ...(params ? { params } : {}), allowRefresh: true },
})

export const integrations: IntegrationSpec[] = [
  {
    slug: 'clearbit',
    name: 'Clearbit',
    description: 'Company enrichment (emulated: deterministic data derived from the domain; *.invalid domains fail)',
    category: 'enrichment',
    color: '#498AF2',
    url: 'https://clearbit.com',
    connectorConfig: apiKeyConfig('Clearbit'),
    creditsCompatible: true,
    actions: {
      company_enrich: companyEnrich,
      enrichCompanyFromDomain: companyEnrich,
    },
  },
  {
    slug: 'hunter',
    name: 'Hunter',
    description: 'Email finder (emulated: first.last@domain with a stable confidence; *.invalid domains fail)',
    category: 'enrichment',
    color: '#FA5320',
    url: 'https://hunter.io',
    connectorConfig: apiKeyConfig('Hunter'),
    creditsCompatible: true,
    actions: {
      email_find: {
        name: 'Find email',
        description: "A person's work email from their name and company domain",
        creditsCost: 1,
        inputSchema: {
          type: 'object',
          properties: { firstName: stringProperty, lastName: stringProperty, domain: stringProperty },
          required: ['firstName', 'domain'],
        },
        outputSchema: { type: 'object', properties: { email: stringProperty, confidence: numberProperty, domain: stringProperty } },
        execute: findEmail,
      },
    },
  },
  {
    slug: 'hubspot',
    name: 'HubSpot',
    description: 'CRM (emulated: contacts, companies and deals; upserts answer a stable id)',
    category: 'sales',
    color: '#FF7A59',
    url: 'https://www.hubspot.com',
    connectorConfig: { type: 'object', properties: { accessToken: { type: 'string', description: 'OAuth access token' } }, required: ['accessToken'] },
    creditsCompatible: false,
    oauth: true,
    actions: {
      upsert_object: {
        name: 'Upsert object',
        description: 'Creates or updates a CRM object (contact, company or deal)',
        creditsCost: 0,
        inputSchema: { type: 'object', properties: { objectType: stringProperty, properties: { type: 'object' } }, required: ['objectType'] },
        uiSchema: { objectType: autocompleteWidget('listObjects'), properties: autocompleteWidget('listObjectProperties', { objectType: '$this.$parent.objectType' }) },
        outputSchema: { type: 'object', properties: { id: stringProperty, objectType: stringProperty, properties: { type: 'object' } } },
        execute: upsertObject,
      },
    },
    extractors: {
      contacts: {
        name: 'Contacts',
        description: 'Every contact of the CRM, fetched incrementally',
        kind: 'record',
        columns: { type: 'object', properties: Object.fromEntries(hubspotObjects.contacts.properties.map(([slug, , type]) => [slug, { type }])) },
        mode: { kind: 'fetch', isIncremental: true, isWatchable: false, autoFetch: true, writeStrategy: 'append' },
      },
    },
    autocompletes: {
      listObjects: {
        params: { type: 'object', properties: {} },
        values: () => Object.entries(hubspotObjects).map(([value, object]) => ({ label: object.label, value })),
      },
      listObjectProperties: {
        params: objectTypeParams,
        values: (params) =>
          hubspotObject(params)?.properties.map(([value, label, type]) => ({ label, value, parent: String(params.objectType), description: `${type} property` })),
      },
    },
    dynamicSchemas: {
      objectProperties: {
        params: objectTypeParams,
        build: (params) => {
          const object = hubspotObject(params)
          if (!object) return undefined
          const properties = Object.fromEntries(object.properties.map(([slug, label, type]) => [slug, { type, title: label }]))
          return { schema: { type: 'object', properties }, uiSchema: { 'ui:order': object.properties.map(([slug]) => slug) } }
        },
      },
    },
  },
  {
    slug: 'openai',
    name: 'OpenAI',
    description: 'Language models for AI agents (emulated: the model catalogue only, no actions)',
    category: 'freeform',
    color: '#10A37F',
    url: 'https://openai.com',
    connectorConfig: apiKeyConfig('OpenAI'),
    creditsCompatible: true,
    actions: {},
    languageModels: [
      { name: 'GPT-4o', slug: 'gpt-4o', description: 'Fast multimodal model', contextWindowTokensLimit: 128_000, outputTokensLimit: 16_384, isReasoning: false, credits: { cost: { type: 'unit', unit: '1K tokens', cost: 1 } } },
      { name: 'o3-mini', slug: 'o3-mini', description: 'Small reasoning model', contextWindowTokensLimit: 200_000, outputTokensLimit: 100_000, isReasoning: true, credits: { cost: { type: 'unit', unit: '1K tokens', cost: 2 } } },
    ],
  },
]

export function integrationSpec(slug: string): IntegrationSpec | undefined {
  return integrations.find((candidate) => candidate.slug === slug)
}

export function integrationAction(integrationSlug: string, actionSlug: string): IntegrationActionSpec | undefined {
  const integration = integrationSpec(integrationSlug)
  return integration && Object.hasOwn(integration.actions, actionSlug) ? integration.actions[actionSlug] : undefined
}

const iconOf = (slug: string) => `https://assets.emulator.local/integrations/${slug}.svg`
const anyObject: JsonObject = { type: 'object' }
/** A config's JSON Schema under `schema` only: the API sends no `jsonSchema` copy (issue 13). */
const schemas = (schema: JsonObject, uiSchema?: JsonObject): JsonObject => ({ schema, ...(uiSchema ? { uiSchema } : {}) })

function fieldList(schema: JsonObject): string {
  const properties = (schema.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((schema.required ?? []) as string[])
  const lines = Object.entries(properties).map(([name, property]) => `- \`${name}\` (${property.type ?? 'any'}${required.has(name) ? ', required' : ''})`)
  return lines.length > 0 ? lines.join('\n') : '- (none)'
}

/** The markdown the documentation endpoint answers, written from the catalogue. */
function documentation(integration: IntegrationSpec): string {
  const access = integration.oauth
    ? 'Sign in through OAuth (`connection integration initiate-oauth`, then `complete-oauth`).'
    : integration.creditsCompatible
      ? 'Use Cargo credits (create the connector without --config), or your own credentials:'
      : 'Give these credentials in --config:'
  const actions = Object.entries(integration.actions).map(
    ([slug, action]) => `### ${action.name} (\`${slug}\`)\n\n${action.description}. Costs ${action.creditsCost} credit(s).\n\nConfig:\n\n${fieldList(action.inputSchema)}\n`,
  )
  const extractors = Object.entries(integration.extractors ?? {}).map(([slug, extractor]) => `### ${extractor.name} (\`${slug}\`)\n\n${extractor.description}.\n`)
  return [
    `# ${integration.name}\n`,
    `${integration.description}.\n`,
    `Category: ${integration.category}. Website: ${integration.url}\n`,
    `## Connecting\n\n${access}\n\n${fieldList(integration.connectorConfig)}\n`,
    `## Actions\n\n${actions.join('\n') || 'This integration has no actions.\n'}`,
    ...(extractors.length > 0 ? [`## Extractors\n\n${extractors.join('\n')}`] : []),
  ].join('\n')
}

/**
 * The integration catalogue as the API sends it (entities.md §5.2), stored by the seed under the slug;
 * `_documentation` is the markdown of the documentation endpoint.
 */
export function integrationDocs(): Array<{ uuid: string } & Record<string, Json>> {
  return integrations.map((integration) => ({
    uuid: integration.slug,
    slug: integration.slug,
    name: integration.name,
    description: integration.description,
    icon: iconOf(integration.slug),
    color: integration.color,
    url: integration.url,
    category: integration.category,
    subCategories: [],
    connector: {
      config: schemas(integration.connectorConfig),
      credits: { isCompatible: integration.creditsCompatible },
      caching: { isCompatible: true },
    },
    actions: Object.fromEntries(
      Object.entries(integration.actions).map(([slug, action]) => [
        slug,
        {
          name: action.name,
          description: action.description,
          config: schemas(action.inputSchema, action.uiSchema),
          output: { schema: action.outputSchema },
          credits: { costs: [{ type: 'fixed', cost: action.creditsCost }] },
          isSerialized: false,
          caching: { isCompatible: true },
        },
      ]),
    ),
    extractors: Object.fromEntries(
      Object.entries(integration.extractors ?? {}).map(([slug, extractor]) => [
        slug,
        {
          name: extractor.name,
          description: extractor.description,
          kind: extractor.kind,
          config: schemas(anyObject),
          meta: { schema: anyObject },
          columns: { schema: extractor.columns },
          mode: extractor.mode,
          preview: 'records',
        },
      ]),
    ),
    dynamicSchemas: Object.fromEntries(Object.entries(integration.dynamicSchemas ?? {}).map(([slug, spec]) => [slug, { params: { schema: spec.params } }])),
    autocompletes: Object.entries(integration.autocompletes ?? {}).map(([slug, spec]) => ({ slug, params: { jsonSchema: spec.params }, cacheExpirationInSeconds: 1800 })),
    _documentation: documentation(integration),
  }))
}

const nativeExtractors: JsonObject = {
  file: {
    name: 'File',
    description: 'Records uploaded from a CSV file',
    kind: 'file',
    icon: iconOf('file'),
    category: 'object',
    config: schemas({ type: 'object', properties: { s3Filename: stringProperty } }),
    meta: { schema: anyObject },
    mode: { kind: 'ingest', autoIngest: false },
    preview: 'records',
  },
  companies: {
    name: 'Companies',
    description: 'Companies unified from every source of the workspace',
    kind: 'record',
    icon: iconOf('companies'),
    category: 'unify',
    config: schemas(anyObject),
    meta: { schema: anyObject },
    mode: { kind: 'fetch', isIncremental: true },
    preview: 'count',
  },
}

/** Cargo's built-in actions and extractors, as `GET connection/nativeIntegrations` answers them (under `uuid` "native"). */
export function nativeIntegrationDoc(): { uuid: string } & Record<string, Json> {
  return {
    uuid: 'native',
    actions: Object.fromEntries(
      Object.entries(nativeActions).map(([slug, action]) => [
        slug,
        {
          name: action.name,
          description: action.description,
          category: action.category,
          icon: iconOf(slug),
          config: schemas(anyObject),
          childrenCount: action.childrenCount({ routes: [] }),
        },
      ]),
    ),
    extractors: nativeExtractors,
  }
}
