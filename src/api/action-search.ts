/**
 * Finding actions by keyword (`orchestration action list`, `connection action search`, and the MCP
 * server's search_actions). Cargo's own search call is not public, so this searches the catalogues the
 * API does publish: the integration catalogue, the native actions, the workspace's tools and agents.
 */
import type { CargoClient } from './client.js'
import { getNativeIntegration, listConnectors, listIntegrations } from './endpoints/connection.js'
import { listAgents } from './endpoints/ai.js'
import { listTools } from './endpoints/orchestration.js'
import type { Connector, IntegrationCategory } from './schemas/connection.js'

export const actionKinds = ['connector', 'native', 'tool', 'agent'] as const
export type ActionKind = (typeof actionKinds)[number]

/** Graph plumbing, not work: these nodes shape a workflow and are never what a search is after. */
const STRUCTURAL_NATIVE_ACTIONS = new Set(['start', 'end', 'branch', 'filter', 'switch', 'split', 'group', 'variables'])

export interface ActionSearch {
  /** every term must match (case-insensitive) */
  keywords: string[]
  kinds?: readonly ActionKind[]
  integrationSlug?: string
  category?: IntegrationCategory
  /** only actions that bill Cargo credits */
  creditsOnly?: boolean
  limit: number
}

export interface CreditCost {
  type: string
  cost: number
  [detail: string]: unknown
}

export interface ActionMatch {
  kind: ActionKind
  name: string
  description: string
  score: number
  /** what `action execute --action` takes, ready to use */
  action: Record<string, unknown>
  integrationSlug?: string
  actionSlug?: string
  category?: string
  credits?: CreditCost[]
  /** the workspace's connectors of the integration (the action uses the default one, else the first) */
  connectors?: Array<Pick<Connector, 'uuid' | 'name' | 'isDefault' | 'useCredits'>>
}

export interface ActionSearchResult {
  query: string
  totalMatches: number
  results: ActionMatch[]
}

/** Where a term matched, best first: a hit on the action itself beats one on its integration, which beats the description. */
interface Candidate {
  match: Omit<ActionMatch, 'score'>
  /** action slug and name */
  own: string
  /** integration slug and name */
  integration: string
  description: string
}

export async function searchActions(client: CargoClient, search: ActionSearch): Promise<ActionSearchResult> {
  const kinds = new Set<ActionKind>(search.kinds ?? actionKinds)
  // integrations, categories and credits belong to connector actions only
  if (search.integrationSlug || search.category || search.creditsOnly) for (const kind of kinds) if (kind !== 'connector') kinds.delete(kind)
  const sources = await Promise.all([
    kinds.has('connector') ? connectorCandidates(client, search) : [],
    kinds.has('native') ? nativeCandidates(client) : [],
    kinds.has('tool') ? toolCandidates(client) : [],
    kinds.has('agent') ? agentCandidates(client) : [],
  ])
  const terms = search.keywords.map((keyword) => keyword.toLowerCase()).filter(Boolean)
  const matches: ActionMatch[] = []
  for (const candidate of sources.flat()) {
    const score = scoreOf(candidate, terms)
    if (score !== undefined) matches.push({ ...candidate.match, score })
  }
  matches.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
  return { query: search.keywords.join(' '), totalMatches: matches.length, results: matches.slice(0, search.limit) }
}

/** The sum over terms of where each matched best (3, 2, 1), or undefined when a term matches nowhere. */
function scoreOf(candidate: Candidate, terms: string[]): number | undefined {
  let score = 0
  for (const term of terms) {
    const best = candidate.own.includes(term) ? 3 : candidate.integration.includes(term) ? 2 : candidate.description.includes(term) ? 1 : 0
    if (best === 0) return undefined
    score += best
  }
  return score
}

function haystack(...parts: Array<string | undefined>): string {
  return parts.filter(Boolean).join(' ').toLowerCase().replaceAll('_', ' ')
}

async function connectorCandidates(client: CargoClient, search: ActionSearch): Promise<Candidate[]> {
  const [{ integrations }, { connectors }] = await Promise.all([
    client.call(listIntegrations, { hasActions: true, ...(search.category ? { category: search.category } : {}) }),
    client.call(listConnectors, {}),
  ])
  const candidates: Candidate[] = []
  for (const integration of integrations) {
    if (search.integrationSlug && integration.slug !== search.integrationSlug) continue
    if (search.category && integration.category !== search.category) continue
    const own = connectors
      .filter((connector) => connector.integrationSlug === integration.slug)
      .map(({ uuid, name, isDefault, useCredits }) => ({ uuid, name, isDefault, useCredits }))
    const chosen = own.find((connector) => connector.isDefault) ?? own[0]
    for (const [actionSlug, action] of Object.entries(integration.actions ?? {})) {
      const credits = (action.credits?.costs ?? []) as CreditCost[]
      if (search.creditsOnly && !credits.some((cost) => cost.cost > 0)) continue
      candidates.push({
        match: {
          kind: 'connector',
          name: action.name,
          description: action.description,
          action: { kind: 'connector', integrationSlug: integration.slug, actionSlug, ...(chosen ? { connectorUuid: chosen.uuid } : {}) },
          integrationSlug: integration.slug,
          actionSlug,
          category: integration.category,
          ...(credits.length > 0 ? { credits } : {}),
          connectors: own,
        },
        own: haystack(actionSlug, action.name),
        integration: haystack(integration.slug, integration.name),
        description: haystack(action.description),
      })
    }
  }
  return candidates
}

async function nativeCandidates(client: CargoClient): Promise<Candidate[]> {
  const { nativeIntegration } = await client.call(getNativeIntegration, {})
  return Object.entries(nativeIntegration.actions ?? {})
    .filter(([actionSlug, action]) => !STRUCTURAL_NATIVE_ACTIONS.has(actionSlug) && action.category !== 'invisible')
    .map(([actionSlug, action]) => ({
      match: { kind: 'native', name: action.name, description: action.description, action: { kind: 'native', actionSlug }, actionSlug, category: action.category },
      own: haystack(actionSlug, action.name),
      integration: 'cargo native',
      description: haystack(action.description),
    }))
}

async function toolCandidates(client: CargoClient): Promise<Candidate[]> {
  const { tools } = await client.call(listTools, {})
  return tools.map((tool) => ({
    match: { kind: 'tool', name: tool.name, description: tool.description ?? '', action: { kind: 'tool', toolUuid: tool.uuid } },
    own: haystack(tool.name),
    integration: 'tool',
    description: haystack(tool.description),
  }))
}

async function agentCandidates(client: CargoClient): Promise<Candidate[]> {
  const { agents } = await client.call(listAgents, {})
  return agents.map((agent) => ({
    match: { kind: 'agent', name: agent.name, description: agent.description ?? '', action: { kind: 'agent', agentUuid: agent.uuid } },
    own: haystack(agent.name),
    integration: 'agent',
    description: haystack(agent.description ?? undefined),
  }))
}
