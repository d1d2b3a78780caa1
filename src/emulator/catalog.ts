import type { Json, JsonObject } from './expressions.js'

/**
 * What the emulator knows how to execute: the native actions (entities.md §1.2) and one third-party
 * integration whose output is derived from its input, so that tests and examples are reproducible.
 */

type Config = JsonObject

interface NativeActionSpec {
  name: string
  description: string
  /** the exact length `childrenUuids` must have */
  childrenCount: (config: Config) => number
}

const one = () => 1

export const nativeActions = {
  start: { name: 'Start', description: 'Entry point; its output is the input record', childrenCount: one },
  end: { name: 'End', description: 'Exit point; its variables are the workflow output', childrenCount: () => 0 },
  variables: { name: 'Variables', description: 'Computes named values', childrenCount: one },
  filter: { name: 'Filter', description: 'Continues only when the condition is true', childrenCount: one },
  branch: { name: 'Branch', description: 'Routes to the first child when true, the second otherwise', childrenCount: () => 2 },
  switch: {
    name: 'Switch',
    description: 'Routes to the child of the first route whose value is true',
    childrenCount: (config) => (Array.isArray(config.routes) ? config.routes.length : 0),
  },
  split: { name: 'Split', description: 'Random A/B split (deterministic per record here)', childrenCount: () => 2 },
  delay: { name: 'Delay', description: 'Waits (not in simulated time)', childrenCount: one },
  group: { name: 'Group', description: 'Runs a sub-graph for every item', childrenCount: one },
  agent: { name: 'Agent', description: 'Inline AI agent (canned answers here)', childrenCount: one },
  python: { name: 'Python', description: 'Python script (not emulated)', childrenCount: one },
  script: { name: 'Script', description: 'JavaScript function body; its return value is `result`', childrenCount: one },
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
  outputSchema: JsonObject
  execute: (config: Config) => ActionResult
}

export interface IntegrationSpec {
  slug: string
  name: string
  description: string
  actions: Record<string, IntegrationActionSpec>
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

export const integrations: IntegrationSpec[] = [
  {
    slug: 'clearbit',
    name: 'Clearbit',
    description: 'Company enrichment (emulated: deterministic data derived from the domain; *.invalid domains fail)',
    actions: {
      company_enrich: companyEnrich,
      enrichCompanyFromDomain: companyEnrich,
    },
  },
  {
    slug: 'hunter',
    name: 'Hunter',
    description: 'Email finder (emulated: first.last@domain with a stable confidence; *.invalid domains fail)',
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
]

export function integrationAction(integrationSlug: string, actionSlug: string): IntegrationActionSpec | undefined {
  const integration = integrations.find((candidate) => candidate.slug === integrationSlug)
  return integration && Object.hasOwn(integration.actions, actionSlug) ? integration.actions[actionSlug] : undefined
}

/** Catalogue documents stored by the seed (for the connection domain's listings). */
export function integrationDocs(): Array<{ uuid: string } & Record<string, Json>> {
  return integrations.map((integration) => ({
    uuid: integration.slug,
    slug: integration.slug,
    name: integration.name,
    description: integration.description,
    actions: Object.entries(integration.actions).map(([slug, action]) => ({
      slug,
      name: action.name,
      description: action.description,
      config: { jsonSchema: action.inputSchema },
      outputSchema: action.outputSchema,
    })),
  }))
}

export function nativeIntegrationDoc(): { uuid: string } & Record<string, Json> {
  return {
    uuid: 'native',
    slug: 'native',
    name: 'Native actions',
    actions: Object.entries(nativeActions).map(([slug, action]) => ({
      slug,
      name: action.name,
      description: action.description,
      childrenCount: action.childrenCount({ routes: [] }),
    })),
  }
}
