/**
 * AI domain (entities.md §2): agents and their releases, chats and messages, memories, MCP servers,
 * templates, votes and documents.
 *
 * Response entities are loose (`entity`). Their `T | null` fields are `nullish` rather than only optional:
 * `GET ai/messages/list` keeps every null (wire.md §5), and messages carry the release building blocks
 * (actions, resources, MCP clients, …), so those shapes must read both forms.
 *
 * Request pieces (`…Input`) check only what identifies them (kind, slug, name): the docs' own examples
 * leave out fields the types call required, and the API fills them (entities.md §2.6).
 */
import { z } from 'zod'
import { entity, filter, jsonObject, timestamp } from './common.js'

/** `T | null` on the wire: null in raw results (messages list), absent once the client strips it. */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish()
const text = z.string()

// ---------------------------------------------------------------------------------------------
// Enums (§2.1)

export const messageStatus = z.enum(['pending', 'generating', 'success', 'error', 'cancelling', 'cancelled'])
export type MessageStatus = z.infer<typeof messageStatus>

export const messageType = z.enum(['user', 'assistant'])
export const aiReleaseStatus = z.enum(['draft', 'deployed', 'archived'])
export const agentIconColor = z.enum(['grey', 'green', 'purple', 'yellow', 'blue', 'red'])
/** in the order of the CLI's --trigger-type options */
export const chatTriggerType = z.enum(['draft', 'chat', 'connector', 'web_extension', 'app', 'workflow', 'schedule'])
export const aiActionKind = z.enum(['tool', 'agent', 'connector'])
export const resourceKind = z.enum(['model', 'file'])
export const capabilitySlug = z.enum([
  'sandbox',
  'context',
  'app',
  'code',
  'document',
  'webSearch',
  'fileSearch',
  'documentationSearch',
  'codeInterpreter',
  'memory',
  'suggestedActions',
])
/** The API knows `user` and `agent`; the docs also show `workspace` (wire.md §19.12), which the CLI passes on. */
export const memoryScope = z.enum(['agent', 'user', 'workspace'])
export type MemoryScope = z.infer<typeof memoryScope>
export const aiTemplateKind = z.enum(['agent', 'mcpServer'])
export const documentKind = z.enum(['text', 'code', 'image', 'sheet'])
export const templateScope = z.enum(['public', 'private'])

// ---------------------------------------------------------------------------------------------
// Release building blocks (§2.2)

const aiActionBase = { name: maybe(text), slug: text, description: maybe(text), isBulkAllowed: z.boolean(), config: jsonObject }
const delegated = { templateSlug: maybe(text), waitUntilFinished: z.boolean() }

export const aiAction = z.discriminatedUnion('kind', [
  entity({ ...aiActionBase, kind: z.literal('tool'), toolUuid: maybe(text), ...delegated }),
  entity({ ...aiActionBase, kind: z.literal('agent'), agentUuid: maybe(text), ...delegated }),
  entity({ ...aiActionBase, kind: z.literal('connector'), integrationSlug: text, connectorUuid: maybe(text), actionSlug: text }),
])
export type AiAction = z.infer<typeof aiAction>

const resourceItem = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('file'), fileUuid: text }),
  entity({ kind: z.literal('folder'), folderUuid: text }),
])
const resourceBase = { name: maybe(text), slug: text, description: maybe(text), prompt: maybe(text) }

export const resource = z.discriminatedUnion('kind', [
  entity({
    ...resourceBase,
    kind: z.literal('model'),
    integrationSlug: maybe(text),
    modelUuid: maybe(text),
    filter: maybe(filter),
    selectedColumnSlugs: maybe(z.array(text)),
    limit: maybe(z.number()),
    isReadOnly: z.boolean(),
  }),
  entity({ ...resourceBase, kind: z.literal('file'), items: z.array(resourceItem) }),
])
export type Resource = z.infer<typeof resource>

export const capability = entity({ slug: capabilitySlug, config: jsonObject })
export type Capability = z.infer<typeof capability>

const mcpAuthentication = entity({
  issuedAt: text,
  accessToken: text,
  expiresIn: z.number().optional(),
  refreshToken: text.optional(),
  scope: text.optional(),
  tokenType: text.optional(),
  clientId: text.optional(),
  clientSecret: text.optional(),
})

export const mcpClient = z.discriminatedUnion('kind', [
  entity({ kind: z.literal('custom'), name: text, url: text, disabledToolSlugs: z.array(text), authentication: maybe(mcpAuthentication) }),
  entity({ kind: z.literal('connector'), name: text, connectorUuid: text, integrationSlug: text, disabledToolSlugs: z.array(text) }),
])
export type McpClient = z.infer<typeof mcpClient>

export const suggestedAction = entity({ text, actions: z.array(entity({ slug: text })) })
export type SuggestedAction = z.infer<typeof suggestedAction>

export const output = z.discriminatedUnion('type', [
  entity({ type: z.literal('text') }),
  entity({ type: z.literal('jsonSchema'), jsonSchema: jsonObject }),
])
export const heartbeat = entity({ intervalMinutes: z.number().positive(), maxMessages: z.int().positive(), prompt: maybe(text) })
export const evaluator = entity({ rubric: text, threshold: z.number() })
export const agentIcon = entity({ color: agentIconColor, face: text.min(1) })
export type AgentIcon = z.infer<typeof agentIcon>

export const agentTrigger = z.discriminatedUnion('type', [
  entity({ type: z.literal('connector'), name: text, description: maybe(text), connectorUuid: maybe(text), integrationSlug: text, config: jsonObject }),
  entity({ type: z.literal('cron'), name: text, description: maybe(text), cron: text, temporalScheduleWorkflowId: text, text }),
])

/** The configuration shared by releases, an agent's deployed release and agent templates. */
const releaseConfig = {
  actions: z.array(aiAction),
  resources: z.array(resource),
  capabilities: z.array(capability),
  suggestedActions: z.array(suggestedAction),
  systemPrompt: text,
  withReasoning: z.boolean(),
  temperature: z.number(),
  maxSteps: z.number(),
  integrationSlug: text,
  connectorUuid: maybe(text),
  languageModelSlug: text,
  mcpClients: z.array(mcpClient),
  output: maybe(output),
  heartbeat: maybe(heartbeat),
  evaluator: maybe(evaluator),
}

// Request pieces: identified by kind/slug/name; the rest passes through as the user wrote it.

export const aiActionInput = z.looseObject({ kind: aiActionKind, slug: text.min(1), config: jsonObject.optional() })
export const resourceInput = z.looseObject({ kind: resourceKind, slug: text.min(1), filter: maybe(filter) })
export const capabilityInput = z.looseObject({ slug: capabilitySlug, config: jsonObject.optional() })
export const mcpClientInput = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('custom'), name: text.min(1), url: z.url(), disabledToolSlugs: z.array(text).optional() }),
  z.looseObject({ kind: z.literal('connector'), name: text.min(1), connectorUuid: text.min(1), integrationSlug: text.min(1), disabledToolSlugs: z.array(text).optional() }),
])
export type McpClientInput = z.infer<typeof mcpClientInput>

/** Triggers as sent on agent create/update: the server adds the cron schedule's id. */
export const agentTriggerInput = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('cron'), name: text.min(1), description: maybe(text), cron: text.min(1), text }),
  z.looseObject({ type: z.literal('connector'), name: text.min(1), description: maybe(text), connectorUuid: maybe(text), integrationSlug: text.min(1), config: jsonObject }),
])

/** Template placeholders bound when a release is saved. */
export const releaseOptions = z.looseObject({
  connectorUuidsByIntegrationSlug: z.record(z.string(), z.string()).optional(),
  modelUuidsByIntegrationSlug: z.record(z.string(), z.string()).optional(),
})

export const templateSettings = z.looseObject({ isAvailable: z.boolean(), scope: templateScope })

// ---------------------------------------------------------------------------------------------
// Agent and release (§2.2)

export const aiRelease = entity({
  ...releaseConfig,
  uuid: text,
  parentUuid: maybe(text),
  workspaceUuid: text,
  userUuid: text,
  agentUuid: text,
  description: maybe(text),
  templateSlug: maybe(text),
  version: maybe(text),
  status: aiReleaseStatus,
  deployedAt: maybe(timestamp),
  createdAt: timestamp,
  updatedAt: timestamp,
})
export type AiRelease = z.infer<typeof aiRelease>

export const agent = entity({
  uuid: text,
  workspaceUuid: text,
  userUuid: maybe(text),
  name: text,
  icon: agentIcon,
  description: maybe(text),
  triggers: z.array(agentTrigger),
  /** the live configuration; absent (null) until the first deployment */
  deployedRelease: maybe(
    entity({
      ...releaseConfig,
      uuid: text,
      userUuid: text,
      description: maybe(text),
      templateSlug: maybe(text),
      version: maybe(text),
      deployedAt: maybe(timestamp),
      createdAt: timestamp,
    }),
  ),
  folderUuid: maybe(text),
  template: maybe(entity({ slug: text, isAvailable: z.boolean(), scope: templateScope })),
  isReadOnly: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: maybe(timestamp),
})
export type Agent = z.infer<typeof agent>

// ---------------------------------------------------------------------------------------------
// Chat and message (§2.3)

export const chatTrigger = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('chat'), uuid: text.min(1), agentUuid: maybe(text), messageUuid: maybe(text) }),
  z.looseObject({ type: z.literal('connector'), connectorUuid: text.min(1), meta: jsonObject }),
  z.looseObject({ type: z.literal('draft') }),
  z.looseObject({ type: z.literal('app') }),
  z.looseObject({ type: z.literal('schedule') }),
  z.looseObject({ type: z.literal('web_extension'), url: maybe(text) }),
  z.looseObject({ type: z.literal('workflow'), uuid: text.min(1), nodeUuid: text.min(1), runUuid: maybe(text) }),
])
export type ChatTrigger = z.infer<typeof chatTrigger>

const messageHead = {
  uuid: text,
  workspaceUuid: text,
  agentUuid: maybe(text),
  releaseUuid: maybe(text),
  chatUuid: text,
  userUuid: maybe(text),
  status: messageStatus,
  errorMessage: maybe(text),
  type: messageType,
  createdAt: timestamp,
  updatedAt: timestamp,
  finishedAt: maybe(timestamp),
  deletedAt: maybe(timestamp),
}

export const messageSummary = entity(messageHead)

export const chat = entity({
  uuid: text,
  slug: text,
  traceUuid: text,
  workspaceUuid: text,
  userUuid: maybe(text),
  agentUuid: maybe(text),
  releaseUuid: maybe(text),
  name: maybe(text),
  trigger: chatTrigger,
  heartbeat: maybe(heartbeat),
  evaluator: maybe(evaluator),
  activeStreamUuid: maybe(text),
  creditsUsedCount: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: maybe(timestamp),
  lastMessage: maybe(messageSummary),
})
export type Chat = z.infer<typeof chat>

/** One part of a message (the Vercel AI SDK's UI parts, plus Cargo's s3File): only its type is checked. */
export const messagePart = z.looseObject({ type: text.min(1) })

export const messageUsage = entity({
  tokensUsedCount: z.number(),
  billableTokensCount: z.number(),
  inputTokensCount: z.number(),
  outputTokensCount: z.number(),
  cacheReadTokensCount: z.number(),
  cacheWriteTokensCount: z.number(),
  reasoningTokensCount: z.number(),
  creditsUsedCount: z.number(),
  languageModelSlug: text,
  connectorUuid: maybe(text),
})

export const evaluation = entity({
  score: z.number(),
  passed: z.boolean(),
  criteria: z.array(entity({ name: text, passed: z.boolean(), reason: text })),
  summary: text,
})

export const message = entity({
  ...messageHead,
  parts: z.array(messagePart),
  actions: z.array(aiAction),
  resources: z.array(resource),
  capabilities: z.array(capability),
  mcpClients: z.array(mcpClient),
  systemPrompt: maybe(text),
  withReasoning: maybe(z.boolean()),
  temperature: maybe(z.number()),
  maxSteps: maybe(z.number()),
  integrationSlug: maybe(text),
  connectorUuid: maybe(text),
  languageModelSlug: maybe(text),
  /** tool name the model saw → what it stands for */
  evaluatedTools: z.record(text, entity({ kind: text, name: text })),
  usage: maybe(messageUsage),
  output: maybe(output),
  evaluation: maybe(evaluation),
  meta: maybe(jsonObject),
  suggestedActions: z.array(suggestedAction),
  temporalWorkflowId: maybe(text),
})
export type Message = z.infer<typeof message>

// ---------------------------------------------------------------------------------------------
// Memory, MCP server, templates, votes, documents (§2.4)

const memoryBase = { mem0Id: text, content: text, createdAt: timestamp, updatedAt: timestamp }
export const memory = z.discriminatedUnion('scope', [
  entity({ ...memoryBase, scope: z.literal('user'), userUuid: text }),
  entity({ ...memoryBase, scope: z.literal('agent'), agentUuid: text, workspaceUuid: text }),
])
export type Memory = z.infer<typeof memory>

export const mcpServer = entity({
  uuid: text,
  workspaceUuid: text,
  userUuid: text,
  name: text,
  description: maybe(text),
  actions: z.array(aiAction),
  resources: z.array(resource),
  folderUuid: maybe(text),
  templateSlug: maybe(text),
  isReadOnly: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: maybe(timestamp),
})
export type McpServer = z.infer<typeof mcpServer>

export const mcpTool = entity({ slug: text, description: text.optional(), config: entity({ jsonSchema: jsonObject }) })

const templateBase = {
  slug: text,
  workspaceUuid: maybe(text),
  scope: templateScope,
  name: text,
  description: text,
  isPreset: z.boolean(),
  categories: z.array(text),
  author: entity({ name: text, title: text, company: entity({ name: text, url: text }) }),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: maybe(timestamp),
}
const { connectorUuid: _connector, mcpClients: _mcpClients, ...templateConfig } = releaseConfig

export const aiTemplate = z.discriminatedUnion('kind', [
  entity({ ...templateBase, ...templateConfig, kind: z.literal('agent'), icon: agentIcon }),
  entity({ ...templateBase, kind: z.literal('mcpServer'), actions: z.array(aiAction), resources: z.array(resource) }),
])
export type AiTemplate = z.infer<typeof aiTemplate>

export const vote = entity({ workspaceUuid: text, userUuid: text, chatUuid: text, messageUuid: text, isUpvoted: z.boolean(), updatedAt: timestamp })

export const aiDocument = entity({
  uuid: text,
  workspaceUuid: text,
  userUuid: text,
  title: maybe(text),
  content: text,
  kind: documentKind,
  createdAt: timestamp,
  deletedAt: maybe(timestamp),
})
export type AiDocument = z.infer<typeof aiDocument>

/**
 * The icon as two payload fields, for the CLI's --icon-color and --icon-face (the API takes one
 * `icon: {color, face}`; the agent commands put the halves together before sending).
 */
export function agentIconHalves(required: boolean) {
  const field = <T extends z.ZodType>(schema: T, description: string) =>
    required ? schema.describe(description) : schema.describe(description).optional().describe(description)
  return {
    iconColor: field(agentIconColor, 'Background colour of the agent icon'),
    iconFace: field(text.min(1), 'Face of the agent icon, as an emoji (e.g. 🤖)'),
  }
}
