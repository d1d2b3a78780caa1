import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as ai from '../../src/api/endpoints/ai.js'
import * as content from '../../src/api/endpoints/content.js'
import { aiHandlers } from '../../src/emulator/domains/ai/handlers.js'
import { contentHandlers } from '../../src/emulator/domains/content/handlers.js'
import { SEED } from '../../src/emulator/index.js'
import { AI_SEED } from '../../src/emulator/domains/ai/seed.js'
import { CONTENT_SEED } from '../../src/emulator/domains/content/seed.js'
import { Harness, ORIGIN, checkedEndpoints, expectFaithful } from './harness.js'

/**
 * The emulated AI and content domains through the harness: every successful answer is checked against
 * the client's result schema (after null stripping), and the last test makes sure each endpoint was.
 */

const seeded = AI_SEED.agent
const icon = { color: 'green' as const, face: '🦉' }
const text = (value: string) => [{ type: 'text', text: value }]
const unknownUuid = '99999999-0000-4000-8000-000000000000'

describe('the emulated AI domain', () => {
  let h: Harness
  beforeAll(() => {
    h = new Harness()
  })
  afterAll(() => h.close())

  describe('agents and releases', () => {
    it('a new agent has a draft with the defaults and no deployed release', async () => {
      const { agent } = await h.ok(ai.createAgent, { name: 'Scorer', icon, triggers: [{ type: 'cron', name: 'Daily', cron: '0 8 * * *', text: 'Go' }] })
      expect(agent).toMatchObject({ name: 'Scorer', icon, description: null, deployedRelease: null, folderUuid: null, isReadOnly: false })
      expect(agent.triggers[0]).toMatchObject({ type: 'cron', description: null, temporalScheduleWorkflowId: expect.stringMatching(/^schedule-/) })
      const { release } = await h.ok(ai.getDraftRelease, { agentUuid: agent.uuid })
      expect(release).toMatchObject({ agentUuid: agent.uuid, status: 'draft', version: null, actions: [], languageModelSlug: 'gpt-4o', integrationSlug: 'openai' })
      expect(await h.call(ai.getDeployedRelease, { agentUuid: agent.uuid })).toEqual({ status: 404, body: { reason: 'releaseNotFound' } })
    })

    it('update-draft completes the building blocks and checks what they point at', async () => {
      const { agent } = await h.ok(ai.createAgent, { name: 'Researcher 2', icon })
      const { release } = await h.ok(ai.updateDraftRelease, {
        agentUuid: agent.uuid,
        systemPrompt: 'Be brief',
        actions: [{ kind: 'tool', slug: 'enrich', toolUuid: SEED.tool.uuid, config: {} }],
        resources: [{ kind: 'model', slug: 'companies', modelUuid: SEED.modelUuid }],
        mcpClients: [{ kind: 'custom', name: 'Wiki', url: 'https://mcp.example.com' }],
        capabilities: [{ slug: 'memory' }],
      })
      expect(release.actions).toEqual([
        { kind: 'tool', slug: 'enrich', toolUuid: SEED.tool.uuid, config: {}, name: null, description: null, isBulkAllowed: false, templateSlug: null, waitUntilFinished: false },
      ])
      expect(release.resources[0]).toMatchObject({ kind: 'model', filter: null, isReadOnly: false, limit: null })
      expect(release.mcpClients).toEqual([{ kind: 'custom', name: 'Wiki', url: 'https://mcp.example.com', disabledToolSlugs: [], authentication: null }])
      expect(release).toMatchObject({ systemPrompt: 'Be brief', capabilities: [{ slug: 'memory', config: {} }] })

      const badTool = [{ kind: 'tool' as const, slug: 'x', toolUuid: unknownUuid }]
      expect((await h.call(ai.updateDraftRelease, { agentUuid: agent.uuid, actions: badTool })).body).toEqual({ reason: 'failedToReconciliateAgentAiTools' })
      expect((await h.call(ai.updateDraftRelease, { agentUuid: agent.uuid, connectorUuid: unknownUuid })).body).toEqual({ reason: 'invalidConnector' })
      expect((await h.call(ai.updateDraftRelease, { agentUuid: agent.uuid, parentUuid: seeded.releaseUuid })).body).toEqual({ reason: 'invalidParent' })
      expect(await h.call(ai.updateDraftRelease, { agentUuid: unknownUuid })).toEqual({ status: 404, body: { reason: 'agentNotFound' } })
    })

    it('deploy numbers releases, archives the previous one and starts a new draft from it', async () => {
      const required = { integrationSlug: 'openai', languageModelSlug: 'gpt-4o-mini', actions: [], mcpClients: [], resources: [], capabilities: [], suggestedActions: [] }
      const missing = await h.call(ai.deployDraftRelease, { agentUuid: seeded.uuid, integrationSlug: 'openai' })
      expect(missing.status).toBe(400)
      expect(missing.body.errorMessage).toMatch(/languageModelSlug, actions, mcpClients, resources, capabilities, suggestedActions required/)

      const first = await h.ok(ai.deployDraftRelease, { agentUuid: seeded.uuid, ...required, description: 'Smaller model' })
      expect(first.release).toMatchObject({ uuid: seeded.draftReleaseUuid, status: 'deployed', version: '1.0.1', languageModelSlug: 'gpt-4o-mini', description: 'Smaller model' })
      expect((await h.ok(ai.getRelease, { uuid: seeded.releaseUuid })).release.status).toBe('archived')
      const draft = (await h.ok(ai.getDraftRelease, { agentUuid: seeded.uuid })).release
      expect(draft).toMatchObject({ status: 'draft', parentUuid: seeded.draftReleaseUuid, languageModelSlug: 'gpt-4o-mini' })
      expect((await h.ok(ai.getAgent, { uuid: seeded.uuid })).agent.deployedRelease).toMatchObject({ uuid: seeded.draftReleaseUuid, version: '1.0.1' })

      const named = await h.ok(ai.deployDraftRelease, { agentUuid: seeded.uuid, ...required, version: '2.0.0' })
      expect(named.release.version).toBe('2.0.0')
      expect((await h.call(ai.deployDraftRelease, { agentUuid: seeded.uuid, ...required, version: '2.0.0' })).body).toEqual({ reason: 'invalidReleaseVersion' })
      const { releases } = await h.ok(ai.listReleases, { agentUuid: seeded.uuid, statuses: ['archived', 'deployed'] })
      expect(releases.map((release: { version: string }) => release.version)).toEqual(['2.0.0', '1.0.1', '1.0.0'])
      expect((await h.ok(ai.getDeployedRelease, { agentUuid: seeded.uuid })).release.version).toBe('2.0.0')
    })

    it('updates, lists and removes agents', async () => {
      const { agent } = await h.ok(ai.createAgent, { name: 'Temp', icon, folderUuid: SEED.folders.tools })
      const { agent: updated } = await h.ok(ai.updateAgent, { uuid: agent.uuid, description: null, folderUuid: null, template: { isAvailable: true, scope: 'private' } })
      expect(updated).toMatchObject({ folderUuid: null, template: { slug: `agent-${agent.uuid.slice(0, 8)}`, isAvailable: true, scope: 'private' } })
      expect((await h.call(ai.updateAgent, { uuid: agent.uuid, folderUuid: unknownUuid })).body).toEqual({ reason: 'folderNotFound' })
      expect((await h.ok(ai.listAgents, {})).agents.map((a: { uuid: string }) => a.uuid)).toContain(agent.uuid)
      await h.ok(ai.removeAgent, { uuid: agent.uuid })
      expect(await h.call(ai.getAgent, { uuid: agent.uuid })).toMatchObject({ status: 404, body: { reason: 'agentNotFound' } })
      expect((await h.ok(ai.listAgents, {})).agents.map((a: { uuid: string }) => a.uuid)).not.toContain(agent.uuid)
    })
  })

  describe('messages on simulated time', () => {
    it('go pending → generating → success with a text part, and refuse a message while one is unfinished', async () => {
      const { chat } = await h.ok(ai.createChat, { agentUuid: seeded.uuid, name: 'Timing', trigger: { type: 'draft' } })
      const actions = [{ kind: 'tool' as const, slug: 'enrich_company', toolUuid: SEED.tool.uuid }]
      const created = await h.ok(ai.createMessage, { chatUuid: chat.uuid, parts: text('Who runs Acme?'), actions, temperature: 0.9 })
      expect(created.userMessage).toMatchObject({ type: 'user', status: 'success', parts: text('Who runs Acme?'), chatUuid: chat.uuid })
      expect(created.assistantMessage).toMatchObject({ type: 'assistant', status: 'pending', parts: [], finishedAt: null, agentUuid: seeded.uuid, temperature: 0.9 })
      expect(created.assistantMessage.actions).toEqual([expect.objectContaining({ slug: 'enrich_company', name: null, isBulkAllowed: false })])
      const uuid = created.assistantMessage.uuid

      expect(await h.call(ai.createMessage, { chatUuid: chat.uuid, parts: text('again') })).toEqual({ status: 400, body: { reason: 'lastMessageNotFinished' } })
      h.advance(600)
      const generating = (await h.ok(ai.getMessage, { uuid })).message
      expect(generating.status).toBe('generating')
      expect(generating.parts[1]).toMatchObject({ type: 'text', state: 'streaming' })
      h.advance(1000)
      const done = (await h.ok(ai.getMessage, { uuid })).message
      expect(done).toMatchObject({ status: 'success', errorMessage: null, finishedAt: expect.any(String) })
      expect(done.parts).toEqual([{ type: 'step-start' }, { type: 'text', text: expect.stringContaining('"Who runs Acme?"'), state: 'done' }])
      expect(generating.parts[1].text.length).toBeLessThan(done.parts[1].text.length)
      expect(done.parts[1].text).toContain('I could use: enrich_company')
      expect(done.usage).toMatchObject({ creditsUsedCount: 1, languageModelSlug: done.languageModelSlug })
      expect((await h.ok(ai.getChat, { uuid: chat.uuid })).chat.lastMessage).toMatchObject({ uuid, status: 'success' })
    })

    it('a message containing #fail ends in error', async () => {
      const { assistantMessage } = await h.ok(ai.createMessage, { agentUuid: seeded.uuid, parts: text('Please #fail') })
      h.advance(2000)
      expect((await h.ok(ai.getMessage, { uuid: assistantMessage.uuid })).message).toMatchObject({ status: 'error', errorMessage: expect.stringMatching(/#fail/) })
    })

    it('cancel goes through cancelling to cancelled; finished messages are left alone', async () => {
      const { assistantMessage } = await h.ok(ai.createMessage, { agentUuid: seeded.uuid, parts: text('Long task') })
      await h.ok(ai.cancelMessages, { uuids: [assistantMessage.uuid, AI_SEED.chat.assistantMessageUuid] })
      expect((await h.ok(ai.getMessage, { uuid: assistantMessage.uuid })).message.status).toBe('cancelling')
      h.advance(400)
      expect((await h.ok(ai.getMessage, { uuid: assistantMessage.uuid })).message).toMatchObject({ status: 'cancelled', parts: [] })
      expect((await h.ok(ai.getMessage, { uuid: AI_SEED.chat.assistantMessageUuid })).message.status).toBe('success')
    })

    it('the messages list sends every null (the client keeps them)', async () => {
      const answer = await h.call(ai.listMessages, { chatUuid: AI_SEED.chat.uuid, limit: 1 })
      expect(answer.body.messages).toHaveLength(1)
      expect(answer.body.messages[0]).toMatchObject({ type: 'user', errorMessage: null, usage: null, output: null, deletedAt: null })
    })

    it('only user messages can be removed', async () => {
      expect(await h.call(ai.removeMessage, { uuid: AI_SEED.chat.assistantMessageUuid })).toEqual({ status: 400, body: { reason: 'messageNotUser' } })
      const { chat } = await h.ok(ai.createChat, { trigger: { type: 'app' } })
      const { userMessage } = await h.ok(ai.createMessage, { chatUuid: chat.uuid, parts: text('typo') })
      await h.ok(ai.removeMessage, { uuid: userMessage.uuid })
      expect(await h.call(ai.getMessage, { uuid: userMessage.uuid })).toEqual({ status: 404, body: { reason: 'messageNotFound' } })
    })

    it('chats filter by trigger type and message status; votes are one per user and message', async () => {
      const drafts = (await h.ok(ai.listChats, { triggerType: 'draft', messageStatuses: ['success'], agentUuid: seeded.uuid })).chats
      expect(drafts.length).toBeGreaterThan(0)
      expect(drafts.every((chat: { trigger: { type: string }; agentUuid: string }) => chat.trigger.type === 'draft' && chat.agentUuid === seeded.uuid)).toBe(true)
      expect((await h.ok(ai.listChats, { triggerType: 'schedule' })).chats).toEqual([])

      const vote = { chatUuid: AI_SEED.chat.uuid, messageUuid: AI_SEED.chat.assistantMessageUuid }
      await h.ok(ai.upsertVote, { ...vote, isUpvoted: true })
      expect((await h.ok(ai.upsertVote, { ...vote, isUpvoted: false })).vote).toMatchObject({ ...vote, isUpvoted: false, userUuid: SEED.userUuid })
      expect((await h.ok(ai.listVotes, { chatUuid: AI_SEED.chat.uuid })).votes).toEqual([expect.objectContaining({ isUpvoted: false })])

      const { chat } = await h.ok(ai.updateChat, { uuid: AI_SEED.chat.uuid, name: null })
      expect(chat.name).toBeNull()
      await h.ok(ai.removeChat, { uuid: AI_SEED.chat.uuid })
      expect(await h.call(ai.getChat, { uuid: AI_SEED.chat.uuid })).toEqual({ status: 404, body: { reason: 'chatNotFound' } })
    })
  })

  describe('memories (user and agent scopes)', () => {
    it('lists by scope, refuses the workspace scope, updates and removes within the right scope only', async () => {
      const agentScope = { scope: 'agent' as const, agentUuid: seeded.uuid }
      expect((await h.ok(ai.listMemories, agentScope)).memories).toEqual([expect.objectContaining({ mem0Id: AI_SEED.memories.agent, scope: 'agent', workspaceUuid: SEED.workspaceUuid })])
      expect((await h.ok(ai.listMemories, { scope: 'user' })).memories).toEqual([expect.objectContaining({ mem0Id: AI_SEED.memories.user, userUuid: SEED.userUuid })])
      expect(await h.call(ai.listMemories, { scope: 'workspace' })).toMatchObject({ status: 400, body: { reason: 'invalidScope' } })

      expect(await h.call(ai.updateMemory, { mem0Id: AI_SEED.memories.agent, content: 'x', scope: 'user' })).toEqual({ status: 404, body: { reason: 'memoryNotFound' } })
      await h.ok(ai.updateMemory, { mem0Id: AI_SEED.memories.agent, content: 'Sells to large companies', ...agentScope })
      expect((await h.ok(ai.listMemories, agentScope)).memories[0].content).toBe('Sells to large companies')
      await h.ok(ai.removeMemory, { mem0Id: AI_SEED.memories.agent, ...agentScope })
      expect((await h.ok(ai.listMemories, agentScope)).memories).toEqual([])
    })
  })

  describe('documents, MCP servers, templates and canned answers', () => {
    it('documents keep their versions; reset drops the later ones', async () => {
      const uuid = 'd0c00000-0000-4000-8000-000000000001'
      const v1 = (await h.ok(ai.createDocument, { uuid, kind: 'text', title: 'Plan', content: 'v1' })).document
      h.advance(1000)
      await h.ok(ai.createDocument, { uuid, kind: 'text', title: 'Plan', content: 'v2' })
      expect((await h.ok(ai.getDocument, { uuid })).document.content).toBe('v2')
      expect((await h.ok(ai.listDocuments, { uuid })).documents.map((d: { content: string }) => d.content)).toEqual(['v2', 'v1'])
      expect((await h.ok(ai.resetDocument, { uuid, createdAt: v1.createdAt })).document.content).toBe('v1')
      expect((await h.ok(ai.listDocuments, { uuid })).documents).toHaveLength(1)
      expect((await h.ok(ai.getDocument, { uuid: AI_SEED.documentUuid })).document.title).toBe('Account plan: Acme')
    })

    it('MCP servers: created with what they expose, read-only ones refused; clients list their tools', async () => {
      const { mcpServer } = await h.ok(ai.createMcpServer, { name: 'Tools', actions: [], resources: [] })
      expect(mcpServer).toMatchObject({ name: 'Tools', description: null, actions: [], isReadOnly: false })
      expect((await h.ok(ai.updateMcpServer, { uuid: mcpServer.uuid, description: 'Ours' })).mcpServer.description).toBe('Ours')
      expect((await h.ok(ai.getMcpServer, { uuid: mcpServer.uuid })).mcpServer.name).toBe('Tools')
      await h.ok(ai.removeMcpServer, { uuid: mcpServer.uuid })
      expect((await h.ok(ai.listMcpServers, {})).mcpServers.map((s: { uuid: string }) => s.uuid)).toEqual([AI_SEED.mcpServers.internal, AI_SEED.mcpServers.readOnly])
      expect((await h.call(ai.removeMcpServer, { uuid: AI_SEED.mcpServers.readOnly })).body).toEqual({ reason: 'mcpServerIsReadOnly' })
      expect((await h.call(ai.updateMcpServer, { uuid: unknownUuid, name: 'x' })).body).toEqual({ reason: 'mcpServerNotFound' })

      const custom = await h.ok(ai.connectMcpClient, { mcpClient: { kind: 'custom', name: 'Wiki', url: 'https://wiki.example.com/mcp' } })
      expect(custom.tools.map((tool: { slug: string }) => tool.slug)).toEqual(['search', 'fetch'])
      const connector = { kind: 'connector' as const, name: 'Clearbit', connectorUuid: SEED.clearbitConnectorUuid, integrationSlug: 'clearbit' }
      expect((await h.ok(ai.connectMcpClient, { mcpClient: connector })).tools[0].slug).toBe('clearbit_search_records')
      expect((await h.call(ai.connectMcpClient, { mcpClient: { kind: 'custom', name: 'Down', url: 'https://down.invalid' } })).body.reason).toBe('failedToConnect')
    })

    it('templates filter by kind and documentation', async () => {
      const { templates } = await h.ok(ai.listTemplates, { kinds: ['agent'] })
      expect(templates.map((t: { slug: string }) => t.slug)).toEqual([AI_SEED.templates.researcher, AI_SEED.templates.scorer])
      expect((await h.ok(ai.listTemplates, { hasDocumentation: false })).templates.map((t: { slug: string }) => t.slug)).toEqual([AI_SEED.templates.scorer])
      expect((await h.ok(ai.getTemplate, { slug: AI_SEED.templates.mcpServer })).template.kind).toBe('mcpServer')
      expect(await h.call(ai.getTemplate, { slug: 'nope' })).toEqual({ status: 404, body: { reason: 'templateNotFound' } })
    })

    it('prompt helpers and suggestions answer deterministically', async () => {
      expect((await h.ok(ai.optimizePrompt, { prompt: 'find the vp of sales' })).prompt).toBe(
        'Find the vp of sales.\n\nAnswer concisely, cite your sources, and say so when you are not sure.',
      )
      const actions = [{ kind: 'tool' as const, slug: 'enrich' }]
      expect(await h.ok(ai.evaluatePrompt, { prompt: 'Use @enrich', actions, resources: [], capabilities: [] })).toEqual({ prompt: 'Use @enrich' })
      expect((await h.ok(ai.evaluatePrompt, { prompt: 'Use @crm', actions, resources: [], capabilities: [] })).errorMessage).toMatch(/@crm/)
      const { jsonSchema } = await h.ok(ai.generateJsonSchema, { prompt: "The company's name, industry and employee count" })
      expect(jsonSchema).toMatchObject({ properties: { companyName: { type: 'string' }, industry: { type: 'string' }, employeeCount: { type: 'number' } } })
      expect(jsonSchema.required).toEqual(['companyName', 'industry', 'employeeCount'])
      const fromAgent = await h.ok(ai.generateSuggestedActions, { agentUuid: seeded.uuid })
      expect(fromAgent.suggestedActions.length).toBeGreaterThan(0)
      expect((await h.ok(ai.generateSuggestedActions, { actions })).suggestedActions).toEqual([{ text: 'Use enrich', actions: [{ slug: 'enrich' }] }])
    })
  })

  describe('knowledge files (content)', () => {
    async function upload(form: FormData) {
      const response = await h.emulator.handle(
        new Request(`${ORIGIN}/v1/content/files/upload`, {
          method: 'POST',
          headers: { authorization: `Bearer ${SEED.token}`, 'selected-workspace-uuid': SEED.workspaceUuid },
          body: form,
        }),
      )
      const body = await response.json()
      if (response.status === 200) expectFaithful(content.uploadFiles, body)
      return { status: response.status, body }
    }
    it('upload stores the file; uuid replaces the content in place', async () => {
      const form = new FormData()
      form.append('file', new Blob(['name,domain\nAcme,acme.com\n'], { type: 'text/csv' }), 'leads.csv')
      form.append('folderUuid', SEED.folders.tools)
      const { body } = await upload(form)
      const [file] = body.files
      expect(file).toMatchObject({ name: 'leads.csv', contentType: 'text/csv', size: 26, folderUuid: SEED.folders.tools, kind: 'native', s3Filename: `${file.uuid}-leads.csv` })
      expect((await h.ok(content.listFiles, { folderUuid: SEED.folders.tools })).files.map((f: { uuid: string }) => f.uuid)).toEqual([file.uuid])
      expect(await h.raw('GET', `/v1/content/files/${file.uuid}/raw`)).toEqual({ status: 200, body: 'name,domain\nAcme,acme.com\n' })

      const again = new FormData()
      again.append('file', new Blob(['v2']), 'leads-v2.csv')
      again.append('uuid', file.uuid)
      const replaced = (await upload(again)).body.files[0]
      expect(replaced).toMatchObject({ uuid: file.uuid, name: 'leads-v2.csv', size: 2, folderUuid: SEED.folders.tools, createdAt: file.createdAt })
      expect((await h.raw('GET', `/v1/content/files/${file.uuid}/raw`)).body).toBe('v2')
    })

    it('refuses an upload without a file part (noFile)', async () => {
      const form = new FormData()
      form.append('folderUuid', SEED.folders.tools)
      expect(await upload(form)).toEqual({ status: 400, body: { reason: 'noFile' } })
    })

    it('serves the bytes of the seeded file with its content type', async () => {
      const response = await h.emulator.handle(new Request(`${ORIGIN}/v1/content/files/${CONTENT_SEED.fileUuid}/raw`, { headers: { authorization: `Bearer ${SEED.token}` } }))
      expect(response.headers.get('content-type')).toBe('text/markdown')
      expect(await response.text()).toContain('Jane Doe is the VP of Sales')
    })

    it('renames, moves and removes the seeded file', async () => {
      expect((await h.ok(content.getFile, { uuid: CONTENT_SEED.fileUuid })).file.name).toBe('knowledge-base.md')
      const { file } = await h.ok(content.updateFile, { uuid: CONTENT_SEED.fileUuid, name: 'kb.md', folderUuid: SEED.folders.plays })
      expect(file).toMatchObject({ name: 'kb.md', folderUuid: SEED.folders.plays })
      expect((await h.call(content.updateFile, { uuid: CONTENT_SEED.fileUuid, folderUuid: unknownUuid })).body).toEqual({ reason: 'folderNotFound' })
      await h.ok(content.removeFile, { uuid: CONTENT_SEED.fileUuid })
      expect(await h.call(content.getFile, { uuid: CONTENT_SEED.fileUuid })).toEqual({ status: 404, body: { reason: 'fileNotFound' } })
      expect((await h.raw('GET', `/v1/content/files/${CONTENT_SEED.fileUuid}/raw`)).status).toBe(404)
      expect((await h.ok(content.listFiles, { kind: 'native' })).files.map((f: { uuid: string }) => f.uuid)).not.toContain(CONTENT_SEED.fileUuid)
    })
  })

  it('checked every AI and content endpoint it emulates (the raw bytes are checked by hand; libraries in content-libraries.test.ts)', () => {
    const names = [...aiHandlers, ...contentHandlers].map(([name]) => name).filter((name) => !/Librar(y|ies)$/.test(name))
    expect(names.filter((name) => !checkedEndpoints.has(name))).toEqual([content.getFileRaw.name])
  })
})
