import { describe, expect, it } from 'vitest'
import ConnectionActionSearch from '../../../src/commands/connection/action/search.js'
import ActionList from '../../../src/commands/orchestration/action/list.js'
import { requests, stubApi } from '../../support/api-stub.js'
import { runCommand } from '../../support/run-command.js'

const configSchemas = { schema: {} }
const integrations = [
  {
    slug: 'clearbit',
    name: 'Clearbit',
    description: 'Company data',
    category: 'enrichment',
    actions: {
      company_enrich: { name: 'Enrich company', description: 'Firmographics from a domain', config: configSchemas, credits: { costs: [{ type: 'fixed', cost: 2 }] } },
      person_find: { name: 'Find person', description: 'A person at a company', config: configSchemas },
    },
  },
  {
    slug: 'slack',
    name: 'Slack',
    description: 'Messages',
    category: 'engagement',
    actions: { send_message: { name: 'Send message', description: 'Post to a channel about a company', config: configSchemas } },
  },
]
const connectors = [
  { uuid: 'conn-2', name: 'Clearbit (team)', integrationSlug: 'clearbit', isDefault: true, useCredits: false },
  { uuid: 'conn-1', name: 'Clearbit', integrationSlug: 'clearbit', isDefault: false, useCredits: true },
]
const natives = {
  actions: {
    branch: { name: 'Branch', description: 'Split the flow on a company condition', category: 'logic' },
    delay: { name: 'Delay', description: 'Wait before going on', category: 'logic' },
  },
}

function stubCatalogues() {
  stubApi('GET', '/v1/connection/integrations/list', { integrations })
  stubApi('GET', '/v1/connection/connectors/list', { connectors })
  stubApi('GET', '/v1/connection/nativeIntegrations', { nativeIntegration: natives })
  stubApi('GET', '/v1/orchestration/tools/list', { tools: [{ uuid: 'tool-1', name: 'Company enrichment', description: 'Enrich a company' }] })
  stubApi('GET', '/v1/ai/agents/list', { agents: [{ uuid: 'agent-1', name: 'Researcher', description: 'Researches a company' }] })
}

describe('orchestration action list', () => {
  it('every keyword must match; action hits rank above integration hits, above description hits; actions ready to execute', async () => {
    stubCatalogues()
    const result = await runCommand(ActionList, ['enrich', 'company'])
    expect(result.exitCode).toBe(0)
    const found = result.json()
    expect(found.query).toBe('enrich company')
    expect(found.results.map((match: { name: string; score: number }) => [match.name, match.score])).toEqual([
      ['Company enrichment', 6],
      ['Enrich company', 6],
    ])
    expect(found.results[1]).toMatchObject({
      kind: 'connector',
      action: { kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich', connectorUuid: 'conn-2' },
      credits: [{ type: 'fixed', cost: 2 }],
      category: 'enrichment',
    })
    expect(found.results[0].action).toEqual({ kind: 'tool', toolUuid: 'tool-1' })
    expect(found.totalMatches).toBe(2)
    expect(requests.map((request) => `${request.path}?${request.query}`).sort()).toEqual([
      '/v1/ai/agents/list?',
      '/v1/connection/connectors/list?',
      '/v1/connection/integrations/list?hasActions=true',
      '/v1/connection/nativeIntegrations?',
      '/v1/orchestration/tools/list?',
    ])
  })

  it('a description-only match scores lowest, and structural natives never appear', async () => {
    stubCatalogues()
    const found = (await runCommand(ActionList, ['company'])).json()
    const names = found.results.map((match: { name: string }) => match.name)
    expect(names).not.toContain('Branch')
    expect(names.at(-1)).toBe('Send message')
    expect(found.results.at(-1).score).toBe(1)
  })

  it('--kind narrows the calls made; --limit cuts the list but not totalMatches', async () => {
    stubCatalogues()
    const found = (await runCommand(ActionList, ['--kind', 'native'])).json()
    expect(found.results).toEqual([{ kind: 'native', name: 'Delay', description: 'Wait before going on', score: 0, action: { kind: 'native', actionSlug: 'delay' }, actionSlug: 'delay', category: 'logic' }])
    expect(requests.map((request) => request.path)).toEqual(['/v1/connection/nativeIntegrations'])
    const limited = (await runCommand(ActionList, ['company', '--limit', '1'])).json()
    expect(limited.results).toHaveLength(1)
    expect(limited.totalMatches).toBeGreaterThan(1)
  })

  it('refuses a search with nothing to narrow it, a limit past 50, and an unknown kind: exit 2, nothing sent', async () => {
    for (const argv of [[], ['company', '--limit', '51'], ['--kind', 'robot'], ['company', '--limt', '3']]) {
      const result = await runCommand(ActionList, argv)
      expect(result.exitCode, argv.join(' ')).toBe(2)
      expect(result.json().errorMessage).toBeTruthy()
    }
    expect(requests).toEqual([])
  })
})

describe('connection action search', () => {
  it('searches connector actions only, with --credits-only and --category', async () => {
    stubCatalogues()
    const found = (await runCommand(ConnectionActionSearch, ['company', '--credits-only'])).json()
    expect(found.results.map((match: { actionSlug: string }) => match.actionSlug)).toEqual(['company_enrich'])
    expect(requests.map((request) => request.path).sort()).toEqual(['/v1/connection/connectors/list', '/v1/connection/integrations/list'])
    const engagement = (await runCommand(ConnectionActionSearch, ['company', '--category', 'engagement'])).json()
    expect(engagement.results.map((match: { actionSlug: string }) => match.actionSlug)).toEqual(['send_message'])
    expect(requests.filter((request) => request.path === '/v1/connection/integrations/list').map((request) => request.query)).toEqual(['hasActions=true', 'hasActions=true&category=engagement'])
  })

  it('--integration keeps one integration', async () => {
    stubCatalogues()
    const found = (await runCommand(ConnectionActionSearch, ['find', '--integration', 'clearbit'])).json()
    expect(found.results.map((match: { actionSlug: string }) => match.actionSlug)).toEqual(['person_find'])
  })

  it('needs a keyword', async () => {
    const result = await runCommand(ConnectionActionSearch, ['--credits-only'])
    expect(result.exitCode).toBe(2)
    expect(requests).toEqual([])
  })
})
