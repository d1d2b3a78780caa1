import { randomUUID } from 'node:crypto'
import * as api from '../../../api/endpoints/ai.js'
import { messageStatus } from '../../../api/schemas/ai.js'
import { finishedRunStatus } from '../../../api/schemas/orchestration.js'
import { type Ctx, live, lookup, mustGet, on, save } from '../../kernel/context.js'
import { publicView, sent, stamps } from '../../kernel/doc-fields.js'
import type { JsonObject } from '../../expressions.js'
import { ApiFailure, badRequest, notFound } from '../../kernel/http.js'
import { chatDoc, defaultReleaseConfig, messageConfigOf, messageDoc, releaseDoc } from './seed.js'
import { type AgentDoc, type AiReleaseDoc, type ChatDoc, type MessageConfig, type MessageDoc, type ReleaseConfig } from './documents.js'
import { after, among, before, contains, equal, newestFirst, page, select } from '../../kernel/selection.js'
import { iso } from '../../kernel/timing.js'
import { checkFolder } from '../workspace-management/handlers.js'

/**
 * The AI domain: agents with one draft release each and deployed versions 1.0.0, 1.0.1, …; chats whose
 * assistant messages answer on simulated time (pending → generating → success, or error when the user's
 * text contains "#fail"); votes, documents with versions, MCP servers, memories, templates; and canned,
 * deterministic answers for the prompt helpers.
 */

type Item = JsonObject
const owner = (ctx: Ctx) => ({ workspaceUuid: ctx.workspaceUuid, userUuid: ctx.userUuid })

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>
}

// ---------------------------------------------------------------------------------------------
// Release building blocks: the API fills what the caller left out (entities.md §2.6)

function storedAction(action: Item, index: number): Item {
  const base = { name: null, description: null, isBulkAllowed: false, config: {} }
  if (action.kind === 'connector') {
    if (typeof action.integrationSlug !== 'string' || typeof action.actionSlug !== 'string') {
      throw badRequest('invalidPayload', `actions.${index}: a connector action needs integrationSlug and actionSlug`)
    }
    return { ...base, connectorUuid: null, ...action }
  }
  const target: Item = action.kind === 'tool' ? { toolUuid: null } : { agentUuid: null }
  return { ...base, ...target, templateSlug: null, waitUntilFinished: false, ...action }
}

function storedResource(resource: Item): Item {
  const base = { name: null, description: null, prompt: null }
  if (resource.kind === 'file') return { ...base, items: [], ...resource }
  return { ...base, integrationSlug: null, modelUuid: null, filter: null, selectedColumnSlugs: null, limit: null, isReadOnly: false, ...resource }
}

const storedCapability = (capability: Item): Item => ({ config: {}, ...capability })
const storedMcpClient = (client: Item): Item =>
  client.kind === 'custom' ? { disabledToolSlugs: [], authentication: null, ...client } : { disabledToolSlugs: [], ...client }

/** The building blocks of a payload, completed; only the ones sent. */
function storedBlocks(payload: { actions?: Item[]; resources?: Item[]; capabilities?: Item[]; mcpClients?: Item[] }): Partial<ReleaseConfig> {
  const blocks: Partial<ReleaseConfig> = {}
  if (payload.actions) blocks.actions = payload.actions.map(storedAction)
  if (payload.resources) blocks.resources = payload.resources.map(storedResource)
  if (payload.capabilities) blocks.capabilities = payload.capabilities.map(storedCapability)
  if (payload.mcpClients) blocks.mcpClients = payload.mcpClients.map(storedMcpClient)
  return blocks
}

/** Actions must point at live tools, agents and connectors. */
function reconcileActions(ctx: Ctx, actions: readonly Item[] | undefined): void {
  for (const action of actions ?? []) {
    const [kind, target] =
      action.kind === 'tool' ? ['tool', action.toolUuid] : action.kind === 'agent' ? ['agent', action.agentUuid] : ['connector', action.connectorUuid]
    if (typeof target === 'string' && !lookup(ctx, kind, target)) throw badRequest('failedToReconciliateAgentAiTools')
  }
}

function checkConnector(ctx: Ctx, connectorUuid: string | undefined): void {
  if (connectorUuid !== undefined && !lookup(ctx, 'connector', connectorUuid)) throw badRequest('invalidConnector')
}

const modelFields = ['systemPrompt', 'withReasoning', 'temperature', 'maxSteps', 'integrationSlug', 'connectorUuid', 'languageModelSlug'] as const
const releaseFields = [...modelFields, 'suggestedActions', 'output', 'heartbeat', 'evaluator'] as const

/** `options.connectorUuidsByIntegrationSlug` binds connector actions and MCP clients of those integrations. */
function bindConnectors(blocks: Partial<ReleaseConfig>, options: { connectorUuidsByIntegrationSlug?: Record<string, string> } | undefined): Partial<ReleaseConfig> {
  const bySlug = options?.connectorUuidsByIntegrationSlug ?? {}
  const bind = (item: Item) => (typeof item.integrationSlug === 'string' && bySlug[item.integrationSlug] && 'connectorUuid' in item ? { ...item, connectorUuid: bySlug[item.integrationSlug] } : item)
  return { ...blocks, ...(blocks.actions ? { actions: blocks.actions.map(bind) } : {}), ...(blocks.mcpClients ? { mcpClients: blocks.mcpClients.map(bind) } : {}) }
}

// ---------------------------------------------------------------------------------------------
// Agents and releases

const agentOf = (ctx: Ctx, uuid: string) => mustGet<AgentDoc>(ctx, 'agent', uuid, 'agent')
const releasesOf = (ctx: Ctx, agentUuid: string) => live<AiReleaseDoc>(ctx, 'aiRelease', { agentUuid })
const deployedOf = (ctx: Ctx, agentUuid: string) => releasesOf(ctx, agentUuid).filter((release) => release.status === 'deployed').at(-1)

function configOf(release: AiReleaseDoc): ReleaseConfig {
  const config = defaultReleaseConfig()
  return Object.fromEntries(Object.keys(config).map((key) => [key, release[key as keyof ReleaseConfig]])) as unknown as ReleaseConfig
}

/** The agent's draft; one is made from the deployed release (or the defaults) when there is none. */
function draftOf(ctx: Ctx, agentUuid: string): AiReleaseDoc {
  const draft = releasesOf(ctx, agentUuid).filter((release) => release.status === 'draft').at(-1)
  if (draft) return draft
  const deployed = deployedOf(ctx, agentUuid)
  const created = releaseDoc({ uuid: randomUUID(), ...owner(ctx), agentUuid, ...stamps(ctx), ...(deployed ? { ...configOf(deployed), parentUuid: deployed.uuid } : {}) })
  save(ctx, 'aiRelease', created)
  return created
}

function agentView(ctx: Ctx, agent: AgentDoc): JsonObject {
  const deployed = deployedOf(ctx, agent.uuid)
  const deployedRelease = deployed ? { ...configOf(deployed), ...pick(deployed, ['uuid', 'userUuid', 'description', 'templateSlug', 'version', 'deployedAt', 'createdAt']) } : null
  return { ...publicView(agent), deployedRelease } as unknown as JsonObject
}

/** Cron triggers get the id of their schedule; optional fields are sent as null. */
function storedTriggers(triggers: Item[] | undefined): Item[] | undefined {
  return triggers?.map((trigger) =>
    trigger.type === 'cron'
      ? { description: null, ...trigger, temporalScheduleWorkflowId: `schedule-${randomUUID()}` }
      : { description: null, connectorUuid: null, ...trigger },
  )
}

/** Deployed versions count 1.0.0, 1.0.1, …; a version asked for must be new. */
function versionFor(releases: readonly AiReleaseDoc[], requested: string | undefined): string {
  const taken = new Set(releases.map((release) => release.version).filter((version): version is string => version !== null))
  if (requested !== undefined) {
    if (!requested.trim() || taken.has(requested)) throw badRequest('invalidReleaseVersion')
    return requested
  }
  let patch = taken.size
  while (taken.has(`1.0.${patch}`)) patch++
  return `1.0.${patch}`
}

const releaseView = (release: AiReleaseDoc) => ({ release: publicView(release) })

// ---------------------------------------------------------------------------------------------
// Messages on simulated time

/** A message ends in the statuses a run ends in: the API's message statuses that are finished run statuses. */
const finishedMessageStatuses: readonly string[] = messageStatus.options.filter((status) => (finishedRunStatus.options as readonly string[]).includes(status))
const isFinished = (status: string) => finishedMessageStatuses.includes(status)

function textOf(parts: readonly Item[]): string {
  return parts
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('\n')
}

/** The deterministic answer: it repeats the question and names what the agent could use. */
function replyTo(question: string, agentName: string | null, config: MessageConfig): string {
  const excerpt = question.length > 120 ? `${question.slice(0, 117)}...` : question
  const tools = config.actions.map((action) => String(action.slug))
  const using = tools.length > 0 ? ` I could use: ${tools.join(', ')}.` : ''
  return `${agentName ?? 'The assistant'} (emulated ${config.languageModelSlug}) received: "${excerpt}".${using}`
}

function usageOf(message: MessageDoc, reply: string): JsonObject {
  const input = Math.ceil(((message.systemPrompt ?? '').length + reply.length) / 4)
  const output = Math.ceil(reply.length / 4)
  return {
    tokensUsedCount: input + output,
    billableTokensCount: input + output,
    inputTokensCount: input,
    outputTokensCount: output,
    cacheReadTokensCount: 0,
    cacheWriteTokensCount: 0,
    reasoningTokensCount: message.withReasoning ? output : 0,
    creditsUsedCount: 1,
    languageModelSlug: message.languageModelSlug ?? 'gpt-4o',
    // the API always sends the key: the connector that paid, or null on Cargo credits
    connectorUuid: message.connectorUuid ?? null,
  }
}

/** The message as it looks at `now`: its status follows the timeline fixed at creation. */
function messageAt(message: MessageDoc, now: number): MessageDoc {
  const sim = message._sim
  if (!sim) return message
  const finished = (at: number, fields: Partial<MessageDoc>): MessageDoc => ({ ...message, ...fields, updatedAt: iso(at), finishedAt: iso(at) })
  const streamed = (at: number) => sim.reply.slice(0, Math.floor((sim.reply.length * (at - sim.startAt)) / Math.max(1, sim.doneAt - sim.startAt)))
  const stopped = sim.cancelRequestedAt !== null && sim.cancelRequestedAt < sim.doneAt
  if (stopped && sim.cancelledAt !== null && now >= sim.cancelledAt) {
    const at = Math.max(sim.startAt, sim.cancelRequestedAt as number)
    return finished(sim.cancelledAt, { status: 'cancelled', parts: at > sim.startAt ? [{ type: 'step-start' }, { type: 'text', text: streamed(at), state: 'done' }] : [] })
  }
  if (stopped && now >= (sim.cancelRequestedAt as number)) return { ...message, status: 'cancelling', updatedAt: iso(sim.cancelRequestedAt as number) }
  if (now < sim.startAt) return message
  if (now < sim.doneAt) return { ...message, status: 'generating', parts: [{ type: 'step-start' }, { type: 'text', text: streamed(now), state: 'streaming' }], updatedAt: iso(sim.startAt) }
  if (sim.outcome === 'error') return finished(sim.doneAt, { status: 'error', errorMessage: sim.errorMessage, parts: [{ type: 'step-start' }] })
  return finished(sim.doneAt, { status: 'success', parts: [{ type: 'step-start' }, { type: 'text', text: sim.reply, state: 'done' }], usage: usageOf(message, sim.reply) })
}

const messageView = (ctx: Ctx, message: MessageDoc) => publicView(messageAt(message, ctx.now))
const messageOf = (ctx: Ctx, uuid: string) => mustGet<MessageDoc>(ctx, 'message', uuid, 'message')
const messagesOf = (ctx: Ctx, chatUuid: string) => live<MessageDoc>(ctx, 'message', { chatUuid }).map((message) => messageAt(message, ctx.now))

// ---------------------------------------------------------------------------------------------
// Chats

const chatOf = (ctx: Ctx, uuid: string) => mustGet<ChatDoc>(ctx, 'chat', uuid, 'chat')
/** A chat's lastMessage is a MessageSummary. */
const summaryKeys = [
  'uuid',
  'workspaceUuid',
  'agentUuid',
  'releaseUuid',
  'chatUuid',
  'userUuid',
  'status',
  'errorMessage',
  'type',
  'createdAt',
  'updatedAt',
  'finishedAt',
  'deletedAt',
] as const

function chatView(ctx: Ctx, chat: ChatDoc): JsonObject {
  const last = messagesOf(ctx, chat.uuid).at(-1)
  const lastMessage = last ? pick(last, summaryKeys) : null
  return { ...publicView(chat), lastMessage } as unknown as JsonObject
}

function newChat(ctx: Ctx, fields: Partial<ChatDoc>): ChatDoc {
  if (fields.agentUuid) agentOf(ctx, fields.agentUuid)
  if (fields.releaseUuid) mustGet(ctx, 'aiRelease', fields.releaseUuid, 'release')
  const chat = chatDoc({ uuid: randomUUID(), traceUuid: randomUUID(), ...owner(ctx), ...stamps(ctx), ...fields })
  save(ctx, 'chat', chat)
  return chat
}

const chatPredicates = {
  agentUuid: equal('agentUuid'),
  releaseUuid: equal('releaseUuid'),
  userUuid: equal('userUuid'),
  triggerType: ((chat: Item, type: string) => (chat.trigger as Item).type === type) as never,
  name: contains('name'),
  createdAfter: after('createdAt'),
  createdBefore: before('createdAt'),
}

/** The release a message runs with: the one named, the chat's, or the agent's deployed release, else its draft. */
function releaseFor(ctx: Ctx, releaseUuid: string | null, agentUuid: string | null): AiReleaseDoc | undefined {
  if (releaseUuid) return mustGet<AiReleaseDoc>(ctx, 'aiRelease', releaseUuid, 'release')
  if (!agentUuid) return undefined
  agentOf(ctx, agentUuid)
  return deployedOf(ctx, agentUuid) ?? draftOf(ctx, agentUuid)
}

// ---------------------------------------------------------------------------------------------
// Memories (the API has the user and agent scopes only: wire.md §19.12)

interface MemoryDoc extends JsonObject {
  uuid: string
  mem0Id: string
  scope: string
}

/** The memories of a scope: the caller's own (user scope, in every workspace) or an agent's. */
function memoriesOf(ctx: Ctx, target: { scope: string; agentUuid?: string }): MemoryDoc[] {
  if (target.scope === 'workspace') throw badRequest('invalidScope', 'Memories have a user or an agent scope; the API has no workspace scope')
  if (target.scope === 'user') return ctx.store.find<MemoryDoc>('memory', undefined, { scope: 'user', userUuid: ctx.userUuid })
  return live<MemoryDoc>(ctx, 'memory', { scope: 'agent', agentUuid: target.agentUuid as string })
}

function memoryOf(ctx: Ctx, mem0Id: string, target: { scope: string; agentUuid?: string }): MemoryDoc {
  const memory = memoriesOf(ctx, target).find((candidate) => candidate.mem0Id === mem0Id)
  if (!memory) throw notFound('memory')
  return memory
}

const memoryView = ({ uuid: _uuid, ...memory }: MemoryDoc) => memory

// ---------------------------------------------------------------------------------------------
// Documents: one stored entry per document uuid, its versions oldest first

interface DocumentEntry extends JsonObject {
  uuid: string
  _versions: JsonObject[]
}

function documentOf(ctx: Ctx, uuid: string): DocumentEntry {
  return mustGet<DocumentEntry>(ctx, 'aiDocument', uuid, 'document')
}

// ---------------------------------------------------------------------------------------------
// Canned answers

function optimized(prompt: string): string {
  const text = prompt.trim().replace(/\s+/g, ' ')
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`
  return `${sentence}\n\nAnswer concisely, cite your sources, and say so when you are not sure.`
}

/** `@slug` references must name one of the actions, resources or capabilities. */
function evaluated(prompt: string, known: ReadonlyArray<{ slug?: unknown }>): { prompt?: string; errorMessage?: string } {
  const slugs = new Set(known.map((item) => String(item.slug)))
  const unknown = [...prompt.matchAll(/@(\w+)/g)].map((match) => match[1]).filter((slug) => !slugs.has(slug))
  return unknown.length === 0 ? { prompt } : { errorMessage: `Unknown reference${unknown.length > 1 ? 's' : ''} ${unknown.map((slug) => `@${slug}`).join(', ')}: add ${unknown.length > 1 ? 'them' : 'it'} to the actions, resources or capabilities` }
}

const stopWords = new Set(['the', 'a', 'an', 'of', 'its', 'their', 'and', 'with'])
const numericWords = new Set(['count', 'number', 'amount', 'score', 'total', 'size', 'age', 'revenue', 'employees'])

/** One property per comma- or "and"-separated item of the description: "name, industry and employee count". */
function jsonSchemaFor(prompt: string): JsonObject {
  const properties: Record<string, JsonObject> = {}
  for (const item of prompt.split(/,|\band\b/i)) {
    const words = (item.toLowerCase().replace(/'s\b/g, '').match(/[a-z0-9]+/g) ?? []).filter((word) => !stopWords.has(word)).slice(-2)
    if (words.length === 0) continue
    const key = words.map((word, index) => (index === 0 ? word : `${word.charAt(0).toUpperCase()}${word.slice(1)}`)).join('')
    properties[key] = { type: numericWords.has(words.at(-1) as string) ? 'number' : 'string', description: item.trim() }
  }
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false }
}

function suggestionsFrom(actions: readonly Item[]): JsonObject[] {
  if (actions.length === 0) return [{ text: 'Summarize the conversation so far', actions: [] }]
  return actions.slice(0, 3).map((action) => ({ text: `Use ${String(action.name ?? action.slug)}`, actions: [{ slug: String(action.slug) }] }))
}

/** What an MCP client would list: two tools per server, named after its host or integration. */
function mcpTools(ctx: Ctx, client: Item): JsonObject[] {
  const tool = (slug: string, description: string, properties: JsonObject) => ({ slug, description, config: { jsonSchema: { type: 'object', properties } } })
  if (client.kind === 'connector') {
    mustGet(ctx, 'connector', String(client.connectorUuid), 'connector')
    const slug = String(client.integrationSlug)
    return [tool(`${slug}_search_records`, `Search ${slug} records`, { query: { type: 'string' } }), tool(`${slug}_get_record`, `Read one ${slug} record`, { id: { type: 'string' } })]
  }
  const host = new URL(String(client.url)).hostname
  if (host.endsWith('.invalid')) throw new ApiFailure(400, { reason: 'failedToConnect', errorMessage: `Could not connect to the MCP server at ${String(client.url)}` })
  return [tool('search', `Search ${host}`, { query: { type: 'string' } }), tool('fetch', `Fetch a page from ${host}`, { url: { type: 'string' } })]
}

// ---------------------------------------------------------------------------------------------
// Handlers

const mcpServerOf = (ctx: Ctx, uuid: string) => mustGet<JsonObject & { uuid: string; isReadOnly: boolean }>(ctx, 'mcpServer', uuid, 'mcpServer')
function editableMcpServer(ctx: Ctx, uuid: string) {
  const server = mcpServerOf(ctx, uuid)
  if (server.isReadOnly) throw badRequest('mcpServerIsReadOnly')
  return server
}

export const aiHandlers = [
  // templates
  on(api.listTemplates, (ctx, { hasDocumentation, isPreset, kinds }) => ({
    // the catalogue belongs to no workspace
    templates: ctx.store
      .find<JsonObject & { uuid: string }>('aiTemplate')
      .filter((template) => (hasDocumentation === undefined || template._hasDocumentation === hasDocumentation) && (isPreset === undefined || template.isPreset === isPreset))
      .filter((template) => !kinds || kinds.includes(template.kind as never))
      .map(publicView),
  })),
  on(api.getTemplate, (ctx, { slug }) => ({ template: publicView(mustGet(ctx, 'aiTemplate', slug, 'template')) })),

  // agents
  on(api.listAgents, (ctx) => ({ agents: live<AgentDoc>(ctx, 'agent').map((agent) => agentView(ctx, agent)) })),
  on(api.getAgent, (ctx, { uuid }) => ({ agent: agentView(ctx, agentOf(ctx, uuid)) })),
  on(api.createAgent, (ctx, payload) => {
    checkFolder(ctx, payload.folderUuid)
    const agent: AgentDoc = {
      uuid: randomUUID(),
      ...owner(ctx),
      name: payload.name,
      icon: payload.icon as JsonObject,
      description: payload.description ?? null,
      triggers: storedTriggers(payload.triggers as Item[] | undefined) ?? [],
      folderUuid: payload.folderUuid ?? null,
      template: null,
      isReadOnly: false,
      deletedAt: null,
      ...stamps(ctx),
    }
    save(ctx, 'agent', agent)
    draftOf(ctx, agent.uuid)
    return { agent: agentView(ctx, agent) }
  }),
  on(api.updateAgent, (ctx, payload) => {
    const agent = agentOf(ctx, payload.uuid)
    checkFolder(ctx, payload.folderUuid)
    const triggers = storedTriggers(payload.triggers as Item[] | undefined)
    const template = payload.template ? { template: { slug: (agent.template?.slug as string | undefined) ?? `agent-${agent.uuid.slice(0, 8)}`, ...payload.template } } : {}
    const updated = { ...agent, ...sent(payload, ['name', 'icon', 'description', 'folderUuid']), ...(triggers ? { triggers } : {}), ...template, updatedAt: iso(ctx.now) } as AgentDoc
    save(ctx, 'agent', updated)
    return { agent: agentView(ctx, updated) }
  }),
  on(api.removeAgent, (ctx, { uuid }) => {
    save(ctx, 'agent', { ...agentOf(ctx, uuid), deletedAt: iso(ctx.now) })
  }),

  // releases
  on(api.getRelease, (ctx, { uuid }) => releaseView(mustGet<AiReleaseDoc>(ctx, 'aiRelease', uuid, 'release'))),
  on(api.listReleases, (ctx, payload) => {
    const predicates = { agentUuid: equal('agentUuid'), userUuid: equal('userUuid'), statuses: among('status') }
    return { releases: page(select(newestFirst(live<AiReleaseDoc>(ctx, 'aiRelease')), payload, predicates), payload).map(publicView) }
  }),
  on(api.getDraftRelease, (ctx, { agentUuid }) => releaseView(draftOf(ctx, agentOf(ctx, agentUuid).uuid))),
  on(api.getDeployedRelease, (ctx, { agentUuid }) => {
    const deployed = deployedOf(ctx, agentOf(ctx, agentUuid).uuid)
    if (!deployed) throw notFound('release')
    return releaseView(deployed)
  }),
  on(api.updateDraftRelease, (ctx, payload) => {
    const draft = draftOf(ctx, agentOf(ctx, payload.agentUuid).uuid)
    if (payload.parentUuid !== undefined && lookup<AiReleaseDoc>(ctx, 'aiRelease', payload.parentUuid)?.agentUuid !== draft.agentUuid) throw badRequest('invalidParent')
    checkConnector(ctx, payload.connectorUuid)
    const blocks = bindConnectors(storedBlocks(payload as never), payload.options)
    reconcileActions(ctx, blocks.actions)
    const updated = { ...draft, ...sent(payload, ['parentUuid', ...releaseFields]), ...blocks, updatedAt: iso(ctx.now) } as AiReleaseDoc
    save(ctx, 'aiRelease', updated)
    return releaseView(updated)
  }),
  on(api.deployDraftRelease, (ctx, payload) => {
    const agent = agentOf(ctx, payload.agentUuid)
    const missing = api.deployRequiredFields.filter((field) => payload[field] === undefined)
    if (missing.length > 0) throw badRequest('invalidPayload', `Invalid payload: ${missing.join(', ')} required`)
    checkConnector(ctx, payload.connectorUuid)
    const blocks = bindConnectors(storedBlocks(payload as never), payload.options)
    reconcileActions(ctx, blocks.actions)
    const releases = releasesOf(ctx, agent.uuid)
    const version = versionFor(releases, payload.version)
    for (const previous of releases.filter((release) => release.status === 'deployed')) save(ctx, 'aiRelease', { ...previous, status: 'archived', updatedAt: iso(ctx.now) })
    const deployed: AiReleaseDoc = {
      ...draftOf(ctx, agent.uuid),
      ...(sent(payload, releaseFields) as Partial<ReleaseConfig>),
      ...blocks,
      description: payload.description ?? null,
      version,
      status: 'deployed',
      deployedAt: iso(ctx.now),
      updatedAt: iso(ctx.now),
    }
    save(ctx, 'aiRelease', deployed)
    save(ctx, 'aiRelease', releaseDoc({ ...configOf(deployed), uuid: randomUUID(), ...owner(ctx), agentUuid: agent.uuid, parentUuid: deployed.uuid, ...stamps(ctx) }))
    return releaseView(deployed)
  }),

  // chats
  on(api.createChat, (ctx, payload) => ({ chat: chatView(ctx, newChat(ctx, { ...sent(payload, ['name', 'agentUuid', 'releaseUuid']), trigger: payload.trigger as JsonObject, userUuid: ctx.userUuid })) })),
  on(api.listChats, (ctx, payload) => {
    const chats = select(newestFirst(live<ChatDoc>(ctx, 'chat')), payload, chatPredicates as never).filter(
      (chat) => !payload.messageStatuses || messagesOf(ctx, chat.uuid).some((message) => payload.messageStatuses?.includes(message.status as never)),
    )
    return { chats: page(chats, payload).map((chat) => chatView(ctx, chat)) }
  }),
  on(api.getChat, (ctx, { uuid }) => ({ chat: chatView(ctx, chatOf(ctx, uuid)) })),
  on(api.updateChat, (ctx, payload) => {
    const updated = { ...chatOf(ctx, payload.uuid), ...sent(payload, ['name']), updatedAt: iso(ctx.now) }
    save(ctx, 'chat', updated)
    return { chat: chatView(ctx, updated) }
  }),
  on(api.removeChat, (ctx, { uuid }) => {
    save(ctx, 'chat', { ...chatOf(ctx, uuid), deletedAt: iso(ctx.now) })
  }),

  // messages
  on(api.createMessage, (ctx, payload) => {
    const chat = payload.chatUuid
      ? chatOf(ctx, payload.chatUuid)
      : newChat(ctx, { agentUuid: payload.agentUuid ?? null, releaseUuid: payload.releaseUuid ?? null, userUuid: ctx.userUuid })
    const previous = messagesOf(ctx, chat.uuid).filter((message) => message.type === 'assistant').at(-1)
    if (previous && !isFinished(previous.status)) throw badRequest('lastMessageNotFinished')
    const agentUuid = payload.agentUuid ?? chat.agentUuid
    const release = releaseFor(ctx, payload.releaseUuid ?? chat.releaseUuid, agentUuid)
    const config: MessageConfig = {
      ...messageConfigOf(release ? configOf(release) : defaultReleaseConfig()),
      ...sent(payload, [...modelFields, 'output']),
      ...storedBlocks(payload as never),
    } as MessageConfig
    const ids = { workspaceUuid: ctx.workspaceUuid, chatUuid: chat.uuid, agentUuid, releaseUuid: release?.uuid ?? null, ...stamps(ctx) }
    const parts = payload.parts as Item[]
    const userMessage = messageDoc(config, { uuid: randomUUID(), ...ids, type: 'user', status: 'success', userUuid: ctx.userUuid, parts, finishedAt: iso(ctx.now) })
    const question = textOf(parts)
    const failing = question.includes('#fail')
    const startAt = ctx.now + ctx.timing.pendingMs
    const agentName = agentUuid ? (lookup<AgentDoc>(ctx, 'agent', agentUuid)?.name ?? null) : null
    const assistantMessage = messageDoc(config, {
      uuid: randomUUID(),
      ...ids,
      type: 'assistant',
      status: 'pending',
      parts: [],
      suggestedActions: release?.suggestedActions ?? [],
      _sim: {
        startAt,
        doneAt: startAt + 3 * ctx.timing.nodeMs,
        outcome: failing ? 'error' : 'success',
        reply: replyTo(question, agentName, config),
        errorMessage: failing ? 'The emulated model failed, as the message asked (#fail).' : null,
        cancelRequestedAt: null,
        cancelledAt: null,
      },
    })
    save(ctx, 'message', userMessage)
    save(ctx, 'message', assistantMessage)
    save(ctx, 'chat', { ...chat, updatedAt: iso(ctx.now) })
    return { userMessage: publicView(userMessage), assistantMessage: messageView(ctx, assistantMessage) }
  }),
  on(api.getMessage, (ctx, { uuid }) => ({ message: messageView(ctx, messageOf(ctx, uuid)) })),
  on(api.listMessages, (ctx, payload) => ({ messages: page(messagesOf(ctx, chatOf(ctx, payload.chatUuid).uuid), payload).map(publicView) })),
  on(api.removeMessage, (ctx, { uuid }) => {
    const message = messageOf(ctx, uuid)
    if (message.type !== 'user') throw badRequest('messageNotUser')
    save(ctx, 'message', { ...message, deletedAt: iso(ctx.now) })
  }),
  on(api.cancelMessages, (ctx, { uuids }) => {
    for (const uuid of uuids) {
      const message = lookup<MessageDoc>(ctx, 'message', uuid)
      if (!message?._sim || isFinished(messageAt(message, ctx.now).status) || message._sim.cancelRequestedAt !== null) continue
      save(ctx, 'message', { ...message, _sim: { ...message._sim, cancelRequestedAt: ctx.now, cancelledAt: ctx.now + ctx.timing.pendingMs } })
    }
  }),

  // votes
  on(api.upsertVote, (ctx, payload) => {
    const message = messageOf(ctx, payload.messageUuid)
    if (message.chatUuid !== chatOf(ctx, payload.chatUuid).uuid) throw notFound('message')
    const vote = { uuid: `${payload.messageUuid}:${ctx.userUuid}`, ...owner(ctx), chatUuid: payload.chatUuid, messageUuid: payload.messageUuid, isUpvoted: payload.isUpvoted, updatedAt: iso(ctx.now) }
    save(ctx, 'vote', vote)
    const { uuid: _key, ...view } = vote
    return { vote: view }
  }),
  on(api.listVotes, (ctx, { chatUuid }) => ({ votes: live<JsonObject & { uuid: string }>(ctx, 'vote', { chatUuid }).map(({ uuid: _key, ...vote }) => vote) })),

  // documents
  on(api.getDocument, (ctx, { uuid }) => ({ document: documentOf(ctx, uuid)._versions.at(-1) })),
  on(api.listDocuments, (ctx, payload) => ({ documents: page([...documentOf(ctx, payload.uuid)._versions].reverse(), payload) })),
  on(api.createDocument, (ctx, { uuid, kind, title, content }) => {
    const entry = lookup<DocumentEntry>(ctx, 'aiDocument', uuid) ?? { uuid, workspaceUuid: ctx.workspaceUuid, deletedAt: null, createdAt: iso(ctx.now), _versions: [] }
    const document = { uuid, ...owner(ctx), title, content, kind, createdAt: iso(ctx.now), deletedAt: null }
    save(ctx, 'aiDocument', { ...entry, _versions: [...entry._versions, document] })
    return { document }
  }),
  on(api.resetDocument, (ctx, { uuid, createdAt }) => {
    const entry = documentOf(ctx, uuid)
    const index = entry._versions.findIndex((version) => Date.parse(String(version.createdAt)) === Date.parse(createdAt))
    if (index < 0) throw notFound('document')
    save(ctx, 'aiDocument', { ...entry, _versions: entry._versions.slice(0, index + 1) })
    return { document: entry._versions[index] }
  }),

  // MCP servers and clients
  on(api.listMcpServers, (ctx) => ({ mcpServers: live<JsonObject & { uuid: string }>(ctx, 'mcpServer').map(publicView) })),
  on(api.getMcpServer, (ctx, { uuid }) => ({ mcpServer: publicView(mcpServerOf(ctx, uuid)) })),
  on(api.createMcpServer, (ctx, payload) => {
    checkFolder(ctx, payload.folderUuid)
    const blocks = storedBlocks(payload as never)
    reconcileActions(ctx, blocks.actions)
    const server = { uuid: randomUUID(), ...owner(ctx), name: payload.name, description: payload.description ?? null, ...blocks, folderUuid: payload.folderUuid ?? null, templateSlug: null, isReadOnly: false, deletedAt: null, ...stamps(ctx) }
    save(ctx, 'mcpServer', server)
    return { mcpServer: server }
  }),
  on(api.updateMcpServer, (ctx, payload) => {
    const server = editableMcpServer(ctx, payload.uuid)
    checkFolder(ctx, payload.folderUuid)
    const blocks = storedBlocks(payload as never)
    reconcileActions(ctx, blocks.actions)
    const updated = { ...server, ...sent(payload, ['name', 'description', 'folderUuid']), ...blocks, updatedAt: iso(ctx.now) }
    save(ctx, 'mcpServer', updated)
    return { mcpServer: publicView(updated) }
  }),
  on(api.removeMcpServer, (ctx, { uuid }) => {
    save(ctx, 'mcpServer', { ...editableMcpServer(ctx, uuid), deletedAt: iso(ctx.now) })
  }),
  on(api.connectMcpClient, (ctx, { mcpClient }) => ({ tools: mcpTools(ctx, mcpClient as Item) })),

  // prompts and suggestions
  on(api.optimizePrompt, (_ctx, { prompt }) => ({ prompt: optimized(prompt) })),
  on(api.evaluatePrompt, (_ctx, { prompt, actions, resources, capabilities }) => evaluated(prompt, [...actions, ...resources, ...capabilities])),
  on(api.generateJsonSchema, (_ctx, { prompt }) => ({ jsonSchema: jsonSchemaFor(prompt) })),
  on(api.generateSuggestedActions, (ctx, payload) => {
    const fromMessage = payload.messageUuid ? messageOf(ctx, payload.messageUuid).actions : undefined
    const fromAgent = payload.agentUuid ? (deployedOf(ctx, agentOf(ctx, payload.agentUuid).uuid)?.actions ?? draftOf(ctx, payload.agentUuid).actions) : undefined
    return { suggestedActions: suggestionsFrom((payload.actions as Item[] | undefined) ?? fromMessage ?? fromAgent ?? []) }
  }),

  // memories
  on(api.listMemories, (ctx, target) => ({ memories: memoriesOf(ctx, target).map(memoryView) })),
  on(api.updateMemory, (ctx, { mem0Id, content, ...target }) => {
    save(ctx, 'memory', { ...memoryOf(ctx, mem0Id, target), content, updatedAt: iso(ctx.now) })
  }),
  on(api.removeMemory, (ctx, { mem0Id, ...target }) => {
    ctx.store.remove('memory', memoryOf(ctx, mem0Id, target).uuid)
  }),
]
