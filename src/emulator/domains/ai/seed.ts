import type { JsonObject } from '../../expressions.js'
import { SEED, SEEDED_AT, seededId as id } from '../../kernel/seeded.js'
import { CONTENT_SEED } from '../content/seed.js'
import { templateDoc } from '../orchestration/seed.js'
import type { Kind, StoredDoc } from '../../kernel/store.js'
import type { ReleaseConfig, AgentDoc, AiReleaseDoc, ChatDoc, MessageConfig, MessageDoc } from './documents.js'

/**
 * The AI catalogue every emulator starts with: an agent with a deployed release and a draft, a chat with
 * one finished exchange, two MCP servers (one read-only), memories, a document and three templates.
 * Also the builders of stored AI documents (their shapes: documents.ts), shared with handlers.ts.
 */

export const AI_SEED = {
  agent: { uuid: id(0x1101), releaseUuid: id(0x1102), draftReleaseUuid: id(0x1103) },
  chat: { uuid: id(0x1111), userMessageUuid: id(0x1112), assistantMessageUuid: id(0x1113) },
  mcpServers: { internal: id(0x1121), readOnly: id(0x1122) },
  memories: { agent: id(0x1131), user: id(0x1132) },
  documentUuid: id(0x1141),
  templates: { researcher: 'lead-researcher', scorer: 'company-scorer', mcpServer: 'crm-tools' },
} as const

// ---------------------------------------------------------------------------------------------
// Stored shapes (the wire shape, nulls included; `_` keys stay inside the emulator)

// ---------------------------------------------------------------------------------------------
// Builders

/** What a new agent's draft starts with. */
export function defaultReleaseConfig(): ReleaseConfig {
  return {
    actions: [],
    resources: [],
    capabilities: [],
    suggestedActions: [],
    systemPrompt: '',
    withReasoning: false,
    temperature: 0.5,
    maxSteps: 10,
    integrationSlug: 'openai',
    connectorUuid: null,
    languageModelSlug: 'gpt-4o',
    mcpClients: [],
    output: null,
    heartbeat: null,
    evaluator: null,
  }
}

// The builders write the keys in the entities' order (uuid first) so that answers read as the API's do.

export function releaseDoc(fields: Pick<AiReleaseDoc, 'uuid' | 'workspaceUuid' | 'userUuid' | 'agentUuid' | 'createdAt'> & Partial<AiReleaseDoc>): AiReleaseDoc {
  const { uuid, workspaceUuid, userUuid, agentUuid, createdAt } = fields
  return {
    uuid,
    parentUuid: null,
    workspaceUuid,
    userUuid,
    agentUuid,
    description: null,
    templateSlug: null,
    version: null,
    status: 'draft',
    ...defaultReleaseConfig(),
    deployedAt: null,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    ...(fields as Partial<AiReleaseDoc>),
  }
}

export function chatDoc(fields: Pick<ChatDoc, 'uuid' | 'traceUuid' | 'workspaceUuid' | 'createdAt'> & Partial<ChatDoc>): ChatDoc {
  const { uuid, traceUuid, workspaceUuid, createdAt } = fields
  return {
    uuid,
    slug: `chat-${uuid.slice(0, 8)}`,
    traceUuid,
    workspaceUuid,
    userUuid: null,
    agentUuid: null,
    releaseUuid: null,
    name: null,
    trigger: { type: 'draft' },
    heartbeat: null,
    evaluator: null,
    activeStreamUuid: null,
    creditsUsedCount: 0,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    ...(fields as Partial<ChatDoc>),
  }
}

type MessageFields = Pick<MessageDoc, 'uuid' | 'workspaceUuid' | 'chatUuid' | 'type' | 'status' | 'parts' | 'createdAt'> & Partial<MessageDoc>

export function messageDoc(config: MessageConfig, fields: MessageFields): MessageDoc {
  const { uuid, workspaceUuid, chatUuid, type, status, parts, createdAt } = fields
  return {
    uuid,
    workspaceUuid,
    agentUuid: null,
    releaseUuid: null,
    chatUuid,
    userUuid: null,
    status,
    errorMessage: null,
    type,
    parts,
    ...config,
    evaluatedTools: {},
    usage: null,
    evaluation: null,
    meta: null,
    suggestedActions: [],
    temporalWorkflowId: type === 'assistant' ? `message-${uuid}` : null,
    createdAt,
    updatedAt: createdAt,
    finishedAt: null,
    deletedAt: null,
    ...(fields as Partial<MessageDoc>),
  }
}

/** The part of a release a message runs with. */
export function messageConfigOf(release: ReleaseConfig): MessageConfig {
  const { suggestedActions: _s, heartbeat: _h, evaluator: _e, ...config } = release
  return config
}

// ---------------------------------------------------------------------------------------------
// The catalogue

const researcherConfig = (): ReleaseConfig => ({
  ...defaultReleaseConfig(),
  actions: [
    {
      kind: 'tool',
      slug: 'enrich_company',
      name: 'Enrich company',
      description: 'Enriches a company from its domain',
      isBulkAllowed: false,
      config: {},
      toolUuid: SEED.tool.uuid,
      templateSlug: null,
      waitUntilFinished: true,
    },
  ],
  resources: [
    { kind: 'file', slug: 'knowledge_base', name: 'Knowledge base', description: null, prompt: null, items: [{ kind: 'file', fileUuid: CONTENT_SEED.fileUuid }] },
  ],
  capabilities: [{ slug: 'webSearch', config: {} }],
  suggestedActions: [{ text: 'Enrich a company', actions: [{ slug: 'enrich_company' }] }],
  systemPrompt: 'You research companies and people for the sales team. Be concise and cite your sources.',
  temperature: 0.3,
})

function template(slug: string, fields: JsonObject): StoredDoc {
  const { actions = [], resources = [] } = fields
  return templateDoc(slug, { _hasDocumentation: slug !== AI_SEED.templates.scorer, ...fields, actions, resources })
}

function agentTemplate(slug: string, name: string, description: string, icon: JsonObject, config: ReleaseConfig): StoredDoc {
  const { connectorUuid: _c, mcpClients: _m, ...templateConfig } = config
  // template actions name their tools by template slug, not by uuid
  const actions = templateConfig.actions.map((action) => ({ ...action, toolUuid: null, templateSlug: SEED.templates.tool }))
  return template(slug, { kind: 'agent', name, description, icon, ...templateConfig, actions, resources: [] } as JsonObject)
}

export function aiDocs(): Array<[Kind, StoredDoc]> {
  const ws = SEED.workspaceUuid
  const at = { createdAt: SEEDED_AT, updatedAt: SEEDED_AT }
  const owner = { workspaceUuid: ws, userUuid: SEED.userUuid }
  const { agent, chat } = AI_SEED
  const config = researcherConfig()
  const release = (uuid: string, fields: Partial<AiReleaseDoc>) => releaseDoc({ uuid, ...owner, agentUuid: agent.uuid, ...at, ...config, ...fields })
  const message = (uuid: string, fields: Pick<MessageDoc, 'type' | 'status' | 'parts'> & Partial<MessageDoc>) =>
    messageDoc(messageConfigOf(config), { uuid, workspaceUuid: ws, chatUuid: chat.uuid, agentUuid: agent.uuid, releaseUuid: agent.releaseUuid, finishedAt: SEEDED_AT, ...at, ...fields })
  const question = 'Who is the VP of Sales at Acme?'
  const answer = 'According to the knowledge base, the VP of Sales at Acme is Jane Doe.'
  const mcpServer = (uuid: string, name: string, isReadOnly: boolean, templateSlug: string | null) => ({
    uuid,
    ...owner,
    name,
    description: isReadOnly ? 'Installed from the CRM tools template' : 'Tools of the sales team',
    actions: isReadOnly ? [] : config.actions,
    resources: [],
    folderUuid: null,
    templateSlug,
    isReadOnly,
    deletedAt: null,
    ...at,
  })
  return [
    [
      'agent',
      {
        uuid: agent.uuid,
        ...owner,
        name: 'Lead Researcher',
        icon: { color: 'blue', face: '🤖' },
        description: 'Researches leads and enriches company data',
        triggers: [],
        folderUuid: null,
        template: null,
        isReadOnly: false,
        deletedAt: null,
        ...at,
      } satisfies AgentDoc,
    ],
    ['aiRelease', release(agent.releaseUuid, { status: 'deployed', version: '1.0.0', description: 'Initial release', deployedAt: SEEDED_AT })],
    ['aiRelease', release(agent.draftReleaseUuid, { parentUuid: agent.releaseUuid })],
    ['chat', chatDoc({ uuid: chat.uuid, traceUuid: id(0x1114), ...owner, agentUuid: agent.uuid, name: 'Research session', ...at })],
    ['message', message(chat.userMessageUuid, { type: 'user', status: 'success', userUuid: SEED.userUuid, parts: [{ type: 'text', text: question }] })],
    [
      'message',
      message(chat.assistantMessageUuid, {
        type: 'assistant',
        status: 'success',
        parts: [{ type: 'step-start' }, { type: 'text', text: answer, state: 'done' }],
        suggestedActions: config.suggestedActions,
      }),
    ],
    ['mcpServer', mcpServer(AI_SEED.mcpServers.internal, 'Internal Tools', false, null)],
    ['mcpServer', mcpServer(AI_SEED.mcpServers.readOnly, 'CRM tools', true, AI_SEED.templates.mcpServer)],
    ['memory', { uuid: AI_SEED.memories.agent, mem0Id: AI_SEED.memories.agent, content: 'The sales team sells to companies of more than 100 employees', scope: 'agent', agentUuid: agent.uuid, workspaceUuid: ws, ...at }],
    ['memory', { uuid: AI_SEED.memories.user, mem0Id: AI_SEED.memories.user, content: 'Prefers answers as bullet points', scope: 'user', userUuid: SEED.userUuid, ...at }],
    [
      'aiDocument',
      {
        uuid: AI_SEED.documentUuid,
        workspaceUuid: ws,
        deletedAt: null,
        createdAt: SEEDED_AT,
        _versions: [{ uuid: AI_SEED.documentUuid, ...owner, title: 'Account plan: Acme', content: 'Expand in EMEA first.', kind: 'text', createdAt: SEEDED_AT, deletedAt: null }],
      },
    ],
    [
      'aiTemplate',
      agentTemplate(AI_SEED.templates.researcher, 'Lead researcher', 'Researches a lead and enriches its company', { color: 'purple', face: '🔍' }, config),
    ],
    [
      'aiTemplate',
      agentTemplate(AI_SEED.templates.scorer, 'Company scorer', 'Scores companies against your ideal customer profile', { color: 'green', face: '📊' }, {
        ...defaultReleaseConfig(),
        systemPrompt: 'Score the company from 0 to 100 against the ideal customer profile.',
        temperature: 0,
        output: { type: 'jsonSchema', jsonSchema: { type: 'object', properties: { score: { type: 'number' } }, required: ['score'] } },
      }),
    ],
    ['aiTemplate', template(AI_SEED.templates.mcpServer, { kind: 'mcpServer', name: 'CRM tools', description: 'Read and write CRM records' })],
  ]
}
