/**
 * The ai endpoints (wire.md §18): one entry per HTTP call of the `ai` commands (the `content file …`
 * commands use the content table). Every payload key becomes a flag (kebab-cased); see
 * spec/commands/ai.json for the commands that use them.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, jsonObject, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import {
  agent,
  agentIcon,
  agentTriggerInput,
  aiActionInput,
  aiDocument,
  aiRelease,
  aiReleaseStatus,
  aiTemplate,
  aiTemplateKind,
  capabilityInput,
  chat,
  chatTrigger,
  chatTriggerType,
  documentKind,
  evaluator,
  heartbeat,
  mcpClientInput,
  mcpServer,
  mcpTool,
  memory,
  memoryScope,
  message,
  messagePart,
  messageStatus,
  output,
  releaseOptions,
  resourceInput,
  suggestedAction,
  templateSettings,
  vote,
} from '../schemas/ai.js'

const count = z.int().nonnegative()
const uuidArg = (what: string) => req(uuid, `UUID of the ${what}`)
const limit = opt(count, 'Maximum number of items to return')
const offset = opt(count, 'Number of items to skip, for pagination')

// ---------------------------------------------------------------------------------------------
// Reasons (spec/commands/ai.json)

const reasons = {
  agentNotFound: 'No agent matches this UUID (it may have been removed); run `ai agent list`.',
  folderNotFound: 'The folder passed with --folder-uuid does not exist; see `workspaceManagement folder list`.',
  draftReleaseNotFound: 'The agent has no draft release; call `ai release get-draft` first.',
  failedToReconciliateAgentAiTools: "The release's actions could not be resolved; a referenced tool, agent or connector UUID is probably wrong.",
  chatNotFound: 'No chat matches this UUID; create one with `ai chat create`.',
  messageNotFound: 'No message matches this UUID.',
  mcpServerNotFound: 'No MCP server matches this UUID; run `ai mcp-server list`.',
  mcpServerIsReadOnly: 'This MCP server is read-only and cannot be modified or removed.',
  memoryNotFound: 'No memory has this mem0 ID in the given scope; list memories with the same --scope/--agent-uuid.',
} as const

// ---------------------------------------------------------------------------------------------
// Fields shared by several calls

const actionsDescription =
  'Actions as a JSON array: {kind: tool|agent|connector, slug, name, description, isBulkAllowed, config} plus toolUuid, templateSlug, waitUntilFinished (tool), agentUuid (agent) or integrationSlug, connectorUuid, actionSlug (connector)'
const resourcesDescription =
  'Resources as a JSON array: {kind:"file", slug, name, description, prompt, items:[{kind:"file",fileUuid}|{kind:"folder",folderUuid}]} or {kind:"model", slug, name, description, prompt, integrationSlug, modelUuid, filter, selectedColumnSlugs, limit, isReadOnly}'
const capabilitiesDescription =
  'Capabilities as a JSON array of {slug, config}; slugs: sandbox, context, app, code, document, webSearch, fileSearch, documentationSearch, codeInterpreter, memory, suggestedActions'
const mcpClientsDescription =
  'MCP clients as a JSON array: {kind:"custom", name, url, authentication, disabledToolSlugs} or {kind:"connector", name, connectorUuid, integrationSlug, disabledToolSlugs}'

const actions = (what: string) => opt(z.array(aiActionInput), `${actionsDescription}; ${what}`)
const resources = (what: string) => opt(z.array(resourceInput), `${resourcesDescription}; ${what}`)
const capabilities = (what: string) => opt(z.array(capabilityInput), `${capabilitiesDescription}; ${what}`)
const mcpClients = opt(z.array(mcpClientInput), mcpClientsDescription)

/** The model settings of a release, also accepted by message create as one-off overrides. */
const modelSettings = {
  systemPrompt: opt(z.string(), 'Instructions given to the model'),
  withReasoning: opt(z.boolean(), 'Let the model reason before it answers'),
  temperature: opt(z.number().min(0).max(1), 'Sampling temperature, from 0 (deterministic) to 1 (creative)'),
  maxSteps: opt(z.int().positive(), 'Maximum number of reasoning or tool steps per answer'),
  integrationSlug: opt(z.string().min(1), 'Integration that provides the model, e.g. openai'),
  connectorUuid: opt(uuid, 'Connector that calls the model (instead of Cargo credits)'),
  languageModelSlug: opt(z.string().min(1), 'Language model, e.g. gpt-4o'),
}
const outputDescription = 'Answer format as JSON: {"type":"text"} or {"type":"jsonSchema","jsonSchema":{...}}'
const releaseExtras = {
  suggestedActions: opt(z.array(suggestedAction), 'Suggested follow-ups as a JSON array of {text, actions:[{slug}]}'),
  output: optNull(output, outputDescription),
  heartbeat: optNull(heartbeat, 'Periodic self-prompting as JSON: {intervalMinutes, maxMessages, prompt}'),
  evaluator: optNull(evaluator, 'Answer evaluation as JSON: {rubric, threshold}'),
  options: opt(releaseOptions, 'Template placeholders as JSON: {connectorUuidsByIntegrationSlug?, modelUuidsByIntegrationSlug?}'),
}
const agentUuidOf = (what: string) => req(uuid, `UUID of the agent ${what}`)

// ---------------------------------------------------------------------------------------------
// Templates

export const listTemplates = defineEndpoint({
  name: 'ai.listTemplates',
  method: 'POST',
  path: '/ai/templates/list',
  payloadIn: 'body',
  payload: z.object({
    hasDocumentation: opt(z.boolean(), 'Whether the template comes with documentation'),
    isPreset: opt(z.boolean(), 'Whether the template is built in'),
    kinds: opt(z.array(aiTemplateKind), 'Template kinds to keep, comma-separated'),
  }),
  result: z.looseObject({ templates: z.array(aiTemplate) }),
  reasons: {},
  idempotent: true,
})

export const getTemplate = defineEndpoint({
  name: 'ai.getTemplate',
  method: 'GET',
  path: '/ai/templates/{slug}',
  payloadIn: 'none',
  payload: z.object({ slug: req(z.string().min(1), 'Slug of the template') }),
  result: z.looseObject({ template: aiTemplate }),
  reasons: { templateNotFound: 'No AI template has this slug; run `ai template list` to find a valid one.' },
})

// ---------------------------------------------------------------------------------------------
// Agents

const triggers = (what: string) =>
  opt(
    z.array(agentTriggerInput),
    `Triggers as a JSON array${what}: {type:"cron", name, description, cron, text} or {type:"connector", name, description, connectorUuid, integrationSlug, config}`,
  )

export const listAgents = defineEndpoint({
  name: 'ai.listAgents',
  method: 'GET',
  path: '/ai/agents/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ agents: z.array(agent) }),
  reasons: {},
})

export const getAgent = defineEndpoint({
  name: 'ai.getAgent',
  method: 'GET',
  path: '/ai/agents/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('agent') }),
  result: z.looseObject({ agent }),
  reasons: {},
})

export const createAgent = defineEndpoint({
  name: 'ai.createAgent',
  method: 'POST',
  path: '/ai/agents',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Display name of the agent'),
    icon: req(agentIcon, 'Icon as JSON: {color: grey|green|purple|yellow|blue|red, face: an emoji}'),
    description: opt(z.string(), 'What the agent does'),
    triggers: triggers(''),
    folderUuid: opt(uuid, 'Folder to create the agent in'),
  }),
  result: z.looseObject({ agent }),
  reasons: { folderNotFound: reasons.folderNotFound },
})

export const updateAgent = defineEndpoint({
  name: 'ai.updateAgent',
  method: 'PUT',
  path: '/ai/agents/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('agent to update'),
    name: opt(z.string().min(1), 'New display name'),
    icon: opt(agentIcon, 'New icon as JSON: {color, face}'),
    description: optNull(z.string(), 'New description (null clears it)'),
    triggers: triggers(' (replaces the current ones)'),
    folderUuid: optNull(uuid, 'Folder to move the agent to (null takes it out of its folder)'),
    template: opt(templateSettings, 'Sharing as a template, as JSON: {isAvailable: boolean, scope: public|private}'),
  }),
  result: z.looseObject({ agent }),
  reasons: { agentNotFound: reasons.agentNotFound, folderNotFound: reasons.folderNotFound },
})

export const removeAgent = defineEndpoint({
  name: 'ai.removeAgent',
  method: 'DELETE',
  path: '/ai/agents/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('agent') }),
  result: voidResult,
  reasons: { agentNotFound: reasons.agentNotFound },
})

// ---------------------------------------------------------------------------------------------
// Releases

export const getRelease = defineEndpoint({
  name: 'ai.getRelease',
  method: 'GET',
  path: '/ai/releases/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('release') }),
  result: z.looseObject({ release: aiRelease }),
  reasons: {},
})

export const listReleases = defineEndpoint({
  name: 'ai.listReleases',
  method: 'GET',
  path: '/ai/releases/list',
  payloadIn: 'query',
  payload: z.object({
    // in the spec's order, which is the order of the query string
    agentUuid: opt(uuid, 'Only releases of this agent'),
    limit,
    offset,
    userUuid: opt(uuid, 'Only releases made by this user'),
    statuses: opt(z.array(aiReleaseStatus), 'Release statuses to keep, comma-separated'),
  }),
  result: z.looseObject({ releases: z.array(aiRelease) }),
  reasons: {},
})

export const getDraftRelease = defineEndpoint({
  name: 'ai.getDraftRelease',
  method: 'GET',
  path: '/ai/releases/draft',
  payloadIn: 'query',
  payload: z.object({ agentUuid: agentUuidOf('whose draft to read') }),
  result: z.looseObject({ release: aiRelease }),
  reasons: {},
})

export const getDeployedRelease = defineEndpoint({
  name: 'ai.getDeployedRelease',
  method: 'GET',
  path: '/ai/releases/deployed',
  payloadIn: 'query',
  payload: z.object({ agentUuid: agentUuidOf('whose live release to read') }),
  result: z.looseObject({ release: aiRelease }),
  reasons: { releaseNotFound: 'This agent has no deployed release yet.' },
})

/** A PUT, unlike the orchestration draft update (a POST); the draft is found from agentUuid. */
export const updateDraftRelease = defineEndpoint({
  name: 'ai.updateDraftRelease',
  method: 'PUT',
  path: '/ai/releases/draft/update',
  payloadIn: 'body',
  payload: z.object({
    agentUuid: agentUuidOf('whose draft to edit'),
    parentUuid: opt(uuid, 'Release that the draft derives from'),
    actions: actions('replaces the current actions'),
    mcpClients,
    resources: resources('replaces the current resources'),
    capabilities: capabilities('replaces the current capabilities'),
    ...modelSettings,
    ...releaseExtras,
  }),
  result: z.looseObject({ release: aiRelease }),
  reasons: {
    agentNotFound: reasons.agentNotFound,
    draftReleaseNotFound: reasons.draftReleaseNotFound,
    invalidParent: 'The --parent-uuid does not point to a usable release of this agent; omit it or take one from `ai release list`.',
    invalidConnector: 'A connector referenced by the release does not exist or cannot be used; check with `connection connector list`.',
    failedToReconciliateAgentAiTools: reasons.failedToReconciliateAgentAiTools,
  },
})

/** Fields the API requires on deploy; the CLI takes the ones left out from the current draft. */
export const deployRequiredFields = ['integrationSlug', 'languageModelSlug', 'actions', 'mcpClients', 'resources', 'capabilities', 'suggestedActions'] as const

export const deployDraftRelease = defineEndpoint({
  name: 'ai.deployDraftRelease',
  method: 'POST',
  path: '/ai/releases/draft/deploy',
  payloadIn: 'body',
  payload: z.object({
    agentUuid: agentUuidOf('whose draft to deploy'),
    ...modelSettings,
    actions: actions('required by the API, taken from the draft when left out'),
    mcpClients: opt(z.array(mcpClientInput), `${mcpClientsDescription}; taken from the draft when left out`),
    resources: resources('taken from the draft when left out'),
    capabilities: capabilities('taken from the draft when left out'),
    ...releaseExtras,
    description: opt(z.string(), 'Release note describing the change'),
    version: opt(z.string().min(1), 'Version label of the new release (assigned by the server when left out)'),
  }),
  result: z.looseObject({ release: aiRelease }),
  reasons: {
    agentNotFound: reasons.agentNotFound,
    draftReleaseNotFound: reasons.draftReleaseNotFound,
    invalidReleaseVersion: 'The release version is not valid; it must be a non-empty string.',
    failedToReconciliateAgentAiTools: reasons.failedToReconciliateAgentAiTools,
  },
})

// ---------------------------------------------------------------------------------------------
// Chats

export const createChat = defineEndpoint({
  name: 'ai.createChat',
  method: 'POST',
  path: '/ai/chats',
  payloadIn: 'body',
  payload: z.object({
    name: opt(z.string(), 'Name of the chat'),
    agentUuid: opt(uuid, 'Agent to chat with'),
    releaseUuid: opt(uuid, 'Pin the chat to this release of the agent'),
    trigger: req(
      chatTrigger,
      'What started the chat, as JSON; usually {"type":"draft"}. Types: draft, app, schedule, chat {uuid, agentUuid, messageUuid}, connector {connectorUuid, meta}, web_extension {url}, workflow {uuid, nodeUuid, runUuid}',
    ),
  }),
  result: z.looseObject({ chat }),
  reasons: {},
})

export const listChats = defineEndpoint({
  name: 'ai.listChats',
  method: 'GET',
  path: '/ai/chats/list',
  payloadIn: 'query',
  payload: z.object({
    agentUuid: opt(uuid, 'Only chats with this agent'),
    limit,
    offset,
    releaseUuid: opt(uuid, 'Only chats pinned to this release'),
    userUuid: opt(uuid, 'Only chats of this user'),
    triggerType: opt(chatTriggerType, 'Only chats started by this kind of trigger'),
    messageStatuses: opt(z.array(messageStatus), 'Only chats with messages in these statuses, comma-separated'),
    name: opt(z.string(), 'Only chats with this name'),
    createdAfter: opt(isoDate, 'Created at or after this date (ISO date or datetime)'),
    createdBefore: opt(isoDate, 'Created before this date (ISO date or datetime)'),
  }),
  result: z.looseObject({ chats: z.array(chat) }),
  reasons: {},
})

export const getChat = defineEndpoint({
  name: 'ai.getChat',
  method: 'GET',
  path: '/ai/chats/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('chat') }),
  result: z.looseObject({ chat }),
  reasons: { chatNotFound: reasons.chatNotFound },
})

export const updateChat = defineEndpoint({
  name: 'ai.updateChat',
  method: 'PUT',
  path: '/ai/chats/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('chat to rename'),
    name: optNull(z.string(), 'New name of the chat (null clears it)'),
  }),
  result: z.looseObject({ chat }),
  reasons: { chatNotFound: reasons.chatNotFound },
})

export const removeChat = defineEndpoint({
  name: 'ai.removeChat',
  method: 'DELETE',
  path: '/ai/chats/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('chat') }),
  result: voidResult,
  reasons: { chatNotFound: reasons.chatNotFound },
})

// ---------------------------------------------------------------------------------------------
// Messages

/** Answers at once: the assistant message is pending and is polled with getMessage. */
export const createMessage = defineEndpoint({
  name: 'ai.createMessage',
  method: 'POST',
  path: '/ai/messages',
  payloadIn: 'body',
  payload: z.object({
    chatUuid: opt(uuid, 'Chat to post in (from `ai chat create` or `ai chat list`)'),
    agentUuid: opt(uuid, 'Agent that answers, when the chat does not say'),
    releaseUuid: opt(uuid, 'Release of the agent that answers'),
    parts: req(
      z.array(messagePart).min(1),
      'The message as a JSON array of parts, e.g. [{"type":"text","text":"..."}]; files as {"type":"s3File", name, s3Filename, contentType}',
    ),
    actions: actions('for this message only'),
    resources: resources('for this message only'),
    capabilities: capabilities('for this message only'),
    mcpClients,
    ...modelSettings,
    output: opt(output, outputDescription),
  }),
  result: z.looseObject({ userMessage: message, assistantMessage: message }),
  reasons: {
    chatNotFound: reasons.chatNotFound,
    lastMessageNotFinished: "The chat's previous message is still being processed; wait until it is finished before sending another.",
  },
})

export const getMessage = defineEndpoint({
  name: 'ai.getMessage',
  method: 'GET',
  path: '/ai/messages/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('message (assistantMessage.uuid to follow an answer)') }),
  result: z.looseObject({ message }),
  reasons: { messageNotFound: reasons.messageNotFound },
})

/** The official client keeps every null of this answer (wire.md §5). */
export const listMessages = defineEndpoint({
  name: 'ai.listMessages',
  method: 'GET',
  path: '/ai/messages/list',
  payloadIn: 'query',
  payload: z.object({
    chatUuid: req(uuid, 'Chat whose messages to list'),
    limit,
    offset,
  }),
  result: z.looseObject({ messages: z.array(message) }),
  reasons: {},
  keepNulls: ['*'],
})

export const removeMessage = defineEndpoint({
  name: 'ai.removeMessage',
  method: 'DELETE',
  path: '/ai/messages/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('user message') }),
  result: voidResult,
  reasons: {
    messageNotFound: reasons.messageNotFound,
    messageNotUser: 'Only messages written by the user can be removed, not assistant messages.',
  },
})

export const cancelMessages = defineEndpoint({
  name: 'ai.cancelMessages',
  method: 'POST',
  path: '/ai/messages/cancel',
  payloadIn: 'body',
  payload: z.object({ uuids: req(z.array(uuid).min(1), 'Messages whose generation to stop, comma-separated UUIDs') }),
  result: voidResult,
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Votes and documents

export const upsertVote = defineEndpoint({
  name: 'ai.upsertVote',
  method: 'PUT',
  path: '/ai/votes',
  payloadIn: 'body',
  payload: z.object({
    chatUuid: req(uuid, 'Chat of the message'),
    messageUuid: req(uuid, 'Message voted on'),
    // required by the API: the command sends false when the flag is absent
    isUpvoted: req(z.boolean(), 'Thumbs up when given; a thumbs down (false) otherwise').default(false),
  }),
  result: z.looseObject({ vote }),
  reasons: {},
})

export const listVotes = defineEndpoint({
  name: 'ai.listVotes',
  method: 'GET',
  path: '/ai/votes/list',
  payloadIn: 'query',
  payload: z.object({ chatUuid: req(uuid, 'Chat whose votes to list') }),
  result: z.looseObject({ votes: z.array(vote) }),
  reasons: {},
})

export const getDocument = defineEndpoint({
  name: 'ai.getDocument',
  method: 'GET',
  path: '/ai/documents/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('document') }),
  result: z.looseObject({ document: aiDocument }),
  reasons: {},
})

export const listDocuments = defineEndpoint({
  name: 'ai.listDocuments',
  method: 'GET',
  path: '/ai/documents/list',
  payloadIn: 'query',
  payload: z.object({ uuid: req(uuid, 'Document whose versions to list'), limit, offset }),
  result: z.looseObject({ documents: z.array(aiDocument) }),
  reasons: {},
})

export const createDocument = defineEndpoint({
  name: 'ai.createDocument',
  method: 'POST',
  path: '/ai/documents',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the document (chosen by the caller; an existing one gets a new version)'),
    kind: req(documentKind, 'Kind of document'),
    title: req(z.string(), 'Title of the document'),
    content: req(z.string(), 'Content of the document'),
  }),
  result: z.looseObject({ document: aiDocument }),
  reasons: {},
})

export const resetDocument = defineEndpoint({
  name: 'ai.resetDocument',
  method: 'POST',
  path: '/ai/documents/reset',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the document'),
    createdAt: req(isoDate, 'Creation time of the version to go back to (later versions are dropped)'),
  }),
  result: z.looseObject({ document: aiDocument }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// MCP servers and clients

export const listMcpServers = defineEndpoint({
  name: 'ai.listMcpServers',
  method: 'GET',
  path: '/ai/mcpServers/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ mcpServers: z.array(mcpServer) }),
  reasons: {},
})

export const getMcpServer = defineEndpoint({
  name: 'ai.getMcpServer',
  method: 'GET',
  path: '/ai/mcpServers/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('MCP server') }),
  result: z.looseObject({ mcpServer }),
  reasons: {},
})

/** The API requires actions and resources; the command sends [] for a flag left out. */
export const createMcpServer = defineEndpoint({
  name: 'ai.createMcpServer',
  method: 'POST',
  path: '/ai/mcpServers',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Display name of the server'),
    description: opt(z.string(), 'What the server offers'),
    actions: opt(z.array(aiActionInput), `${actionsDescription}; the actions the server exposes (none by default)`).default([]),
    resources: opt(z.array(resourceInput), `${resourcesDescription}; the resources the server exposes (none by default)`).default([]),
    folderUuid: opt(uuid, 'Folder to create the server in'),
  }),
  result: z.looseObject({ mcpServer }),
  reasons: {},
})

const mcpServerReasons = { mcpServerNotFound: reasons.mcpServerNotFound, mcpServerIsReadOnly: reasons.mcpServerIsReadOnly }

export const updateMcpServer = defineEndpoint({
  name: 'ai.updateMcpServer',
  method: 'PUT',
  path: '/ai/mcpServers/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: uuidArg('MCP server to update'),
    name: opt(z.string().min(1), 'New display name'),
    description: optNull(z.string(), 'New description (null clears it)'),
    actions: actions('replaces the exposed actions'),
    resources: resources('replaces the exposed resources'),
    folderUuid: optNull(uuid, 'Folder to move the server to (null takes it out of its folder)'),
  }),
  result: z.looseObject({ mcpServer }),
  reasons: { ...mcpServerReasons, folderNotFound: reasons.folderNotFound },
})

export const removeMcpServer = defineEndpoint({
  name: 'ai.removeMcpServer',
  method: 'DELETE',
  path: '/ai/mcpServers/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: uuidArg('MCP server') }),
  result: voidResult,
  reasons: mcpServerReasons,
})

export const connectMcpClient = defineEndpoint({
  name: 'ai.connectMcpClient',
  method: 'POST',
  path: '/ai/mcpClients/connect',
  payloadIn: 'body',
  payload: z.object({
    mcpClient: req(
      mcpClientInput,
      'The MCP client as JSON: {kind:"custom", name, url, authentication, disabledToolSlugs} or {kind:"connector", name, connectorUuid, integrationSlug, disabledToolSlugs}',
    ),
  }),
  result: z.looseObject({ tools: z.array(mcpTool) }),
  reasons: {},
  idempotent: true,
})

// ---------------------------------------------------------------------------------------------
// Prompts and suggested actions

export const optimizePrompt = defineEndpoint({
  name: 'ai.optimizePrompt',
  method: 'POST',
  path: '/ai/prompts/optimize',
  payloadIn: 'body',
  payload: z.object({ prompt: req(z.string().min(1), 'The prompt to improve') }),
  result: z.looseObject({ prompt: z.string() }),
  reasons: {},
})

/** The API requires the three arrays; the command sends [] for a flag left out. */
export const evaluatePrompt = defineEndpoint({
  name: 'ai.evaluatePrompt',
  method: 'POST',
  path: '/ai/prompts/evaluate',
  payloadIn: 'body',
  payload: z.object({
    prompt: req(z.string().min(1), 'The prompt to check'),
    actions: actions('what the prompt may call (none by default)').default([]),
    resources: resources('what the prompt may read (none by default)').default([]),
    capabilities: capabilities('what the prompt may use (none by default)').default([]),
  }),
  result: z.looseObject({ prompt: z.string().optional(), errorMessage: z.string().optional() }),
  reasons: {},
})

export const generateJsonSchema = defineEndpoint({
  name: 'ai.generateJsonSchema',
  method: 'POST',
  path: '/ai/prompts/generateJsonSchema',
  payloadIn: 'body',
  payload: z.object({
    prompt: req(z.string().min(1), 'Description of the expected answer'),
    systemPrompt: opt(z.string(), 'System prompt that gives extra context'),
  }),
  result: z.looseObject({ jsonSchema: jsonObject }),
  reasons: {},
})

export const generateSuggestedActions = defineEndpoint({
  name: 'ai.generateSuggestedActions',
  method: 'POST',
  path: '/ai/suggestedActions/generate',
  payloadIn: 'body',
  payload: z.object({
    messageUuid: opt(uuid, 'Message to base the suggestions on'),
    systemPrompt: opt(z.string(), 'System prompt to take into account'),
    contextPrompt: opt(z.string(), 'Extra context for the suggestions'),
    agentUuid: opt(uuid, 'Agent whose configuration to take into account'),
    actions: actions('what the suggestions may refer to'),
    resources: resources('what the suggestions may refer to'),
    capabilities: capabilities('what the suggestions may refer to'),
    cacheKey: opt(z.string().min(1), 'Key under which the server may cache the suggestions'),
  }),
  result: z.looseObject({ suggestedActions: z.array(suggestedAction) }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Memories (the API knows the user and agent scopes; the agent scope needs agentUuid)

type MemoryTarget = { scope?: string; agentUuid?: string }
const agentScopeNeedsAgent = (value: MemoryTarget, ctx: z.RefinementCtx) => {
  if (value.scope === 'agent' && value.agentUuid === undefined) {
    ctx.addIssue({ code: 'custom', message: 'the agent scope needs the agent: add --agent-uuid', path: ['agentUuid'] })
  }
}
const memoryTarget = {
  scope: req(memoryScope, 'Scope of the memory: agent (with the agent UUID) or user; the docs also name workspace'),
  agentUuid: opt(uuid, 'Agent that owns the memory (needed for the agent scope)'),
}
const mem0Id = req(z.string().min(1), 'ID of the memory (mem0Id, from `ai memory list`)')

export const listMemories = defineEndpoint({
  name: 'ai.listMemories',
  method: 'GET',
  path: '/ai/memories/list',
  payloadIn: 'query',
  payload: z.object(memoryTarget).superRefine(agentScopeNeedsAgent),
  result: z.looseObject({ memories: z.array(memory) }),
  reasons: {},
})

export const updateMemory = defineEndpoint({
  name: 'ai.updateMemory',
  method: 'PUT',
  path: '/ai/memories/{mem0Id}',
  payloadIn: 'body',
  payload: z.object({ mem0Id, content: req(z.string().min(1), 'New text of the memory'), ...memoryTarget }).superRefine(agentScopeNeedsAgent),
  result: voidResult,
  reasons: { memoryNotFound: reasons.memoryNotFound },
})

/** A DELETE whose scope and agentUuid travel in the query string. */
export const removeMemory = defineEndpoint({
  name: 'ai.removeMemory',
  method: 'DELETE',
  path: '/ai/memories/{mem0Id}',
  payloadIn: 'query',
  payload: z.object({ mem0Id, ...memoryTarget }).superRefine(agentScopeNeedsAgent),
  result: voidResult,
  reasons: { memoryNotFound: reasons.memoryNotFound },
})
