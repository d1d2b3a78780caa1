import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as ai from '../../src/api/endpoints/ai.js'
import * as c from '../../src/api/endpoints/connection.js'
import * as o from '../../src/api/endpoints/orchestration.js'
import { SEED } from '../../src/emulator/index.js'
import { AI_SEED } from '../../src/emulator/domains/ai/seed.js'
import { CONNECTION_SEED } from '../../src/emulator/domains/connection/seed.js'
import { Harness } from './harness.js'

/**
 * Three places where the emulator used to send a shape the API does not (issue 13): keys the API never
 * sends, and a key it always sends. The schemas are loose, so only exact key checks catch these.
 */

type Obj = Record<string, any>
const configsOf = (actions: Record<string, Obj>) => Object.entries(actions).map(([slug, action]) => [slug, action.config as Obj] as const)

describe('the emulator answers the API shape in the older domains', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  it('orchestration template nodes name no connector', async () => {
    const { templates } = await h.ok(o.listTemplates, {})
    expect(templates.map((template: Obj) => template.slug).sort()).toEqual([SEED.templates.play, SEED.templates.tool].sort())
    for (const template of templates) {
      const connectorNodes = template.nodes.filter((node: Obj) => node.kind === 'connector')
      expect(connectorNodes.map((node: Obj) => [node.integrationSlug, node.actionSlug])).toEqual([['clearbit', 'company_enrich']])
      for (const node of template.nodes) expect(Object.keys(node)).not.toContain('connectorUuid')
    }
    const { template } = await h.ok(o.getTemplate, { slug: SEED.templates.tool })
    expect(Object.keys(template.nodes[1]).sort()).toEqual(['actionSlug', 'childrenUuids', 'config', 'fallbackOnFailure', 'integrationSlug', 'kind', 'name', 'position', 'slug', 'uuid'])
  })

  it('deployed workflow graphs keep their connector (only templates lose it)', async () => {
    const { release } = await h.ok(o.getDeployedRelease, { workflowUuid: SEED.tool.workflowUuid })
    expect(release.nodes[1]).toMatchObject({ kind: 'connector', connectorUuid: SEED.clearbitConnectorUuid })
  })

  it("an agent message's usage always carries connectorUuid: null on credits, the connector when one is set", async () => {
    const { assistantMessage } = await h.ok(ai.createMessage, { agentUuid: AI_SEED.agent.uuid, parts: [{ type: 'text', text: 'Hello' }] })
    h.advance(5000)
    const { message } = await h.ok(ai.getMessage, { uuid: assistantMessage.uuid })
    expect(message.status).toBe('success')
    expect(Object.keys(message.usage)).toContain('connectorUuid')
    expect(message.usage.connectorUuid).toBe(message.connectorUuid ?? null)

    const withConnector = await h.ok(ai.createMessage, {
      parts: [{ type: 'text', text: 'Hello again' }],
      integrationSlug: 'openai',
      connectorUuid: CONNECTION_SEED.openaiConnectorUuid,
      languageModelSlug: 'gpt-4o',
    })
    h.advance(5000)
    const answered = (await h.ok(ai.getMessage, { uuid: withConnector.assistantMessage.uuid })).message
    expect(answered.usage).toMatchObject({ connectorUuid: CONNECTION_SEED.openaiConnectorUuid, languageModelSlug: 'gpt-4o' })
  })

  it('integration action configs carry schema (and uiSchema) but no jsonSchema', async () => {
    const { integrations } = await h.ok(c.listIntegrations, {})
    const configs = integrations.flatMap((integration: Obj) => configsOf(integration.actions))
    expect(configs.length).toBeGreaterThan(2)
    for (const [slug, config] of configs) {
      expect([slug, Object.keys(config).filter((key) => !['schema', 'uiSchema'].includes(key))]).toEqual([slug, []])
      expect(config.schema).toMatchObject({ type: 'object' })
    }
    const { integration } = await h.ok(c.getIntegration, { slug: 'clearbit' })
    expect(integration.actions.company_enrich.config).toEqual({ schema: expect.objectContaining({ required: ['domain'] }) })
  })

  it('native integration action configs carry no jsonSchema either', async () => {
    const { nativeIntegration } = await h.ok(c.getNativeIntegration, {})
    const configs = configsOf(nativeIntegration.actions)
    expect(configs.length).toBeGreaterThan(2)
    for (const [slug, config] of configs) expect([slug, Object.keys(config).filter((key) => !['schema', 'uiSchema'].includes(key))]).toEqual([slug, []])
  })

  it('get-output-schema still answers from the catalogue', async () => {
    const { schema } = await h.ok(o.getActionOutputSchema, { action: { kind: 'connector', integrationSlug: 'clearbit', actionSlug: 'company_enrich' } })
    expect(schema).toMatchObject({ type: 'object', properties: expect.objectContaining({ name: expect.any(Object) }) })
  })
})
