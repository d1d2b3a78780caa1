import type { JsonObject } from '../../expressions.js'
import type { StoredDoc } from '../../kernel/store.js'

/** Stored ai documents: agents, their releases, chats and messages (a message's `_sim` is internal: when and how its answer completes). */

// Hand-written with the field names of the API's Agent, AiRelease, Chat and Message, not their z.infer types: nested
// values (actions, resources, parts, …) are the emulator's JSON (JsonObject) that the handlers read and build, and a
// message carries its simulation (_sim).
export interface Stamps {
  createdAt: string
  updatedAt: string
}

export interface ReleaseConfig {
  actions: JsonObject[]
  resources: JsonObject[]
  capabilities: JsonObject[]
  suggestedActions: JsonObject[]
  systemPrompt: string
  withReasoning: boolean
  temperature: number
  maxSteps: number
  integrationSlug: string
  connectorUuid: string | null
  languageModelSlug: string
  mcpClients: JsonObject[]
  output: JsonObject | null
  heartbeat: JsonObject | null
  evaluator: JsonObject | null
}

export interface AgentDoc extends StoredDoc, Stamps {
  workspaceUuid: string
  userUuid: string | null
  name: string
  icon: JsonObject
  description: string | null
  triggers: JsonObject[]
  folderUuid: string | null
  template: JsonObject | null
  isReadOnly: boolean
  deletedAt: string | null
}

export interface AiReleaseDoc extends StoredDoc, Stamps, ReleaseConfig {
  parentUuid: string | null
  workspaceUuid: string
  userUuid: string
  agentUuid: string
  description: string | null
  templateSlug: string | null
  version: string | null
  status: 'draft' | 'deployed' | 'archived'
  deployedAt: string | null
  deletedAt: string | null
}

export interface ChatDoc extends StoredDoc, Stamps {
  slug: string
  traceUuid: string
  workspaceUuid: string
  userUuid: string | null
  agentUuid: string | null
  releaseUuid: string | null
  name: string | null
  trigger: JsonObject
  heartbeat: JsonObject | null
  evaluator: JsonObject | null
  activeStreamUuid: string | null
  creditsUsedCount: number
  deletedAt: string | null
}

/** How an assistant message unfolds on simulated time, fixed when it is created. */
export interface MessageSim {
  /** epoch ms: pending until then, generating after */
  startAt: number
  /** epoch ms: the final status from then on */
  doneAt: number
  outcome: 'success' | 'error'
  reply: string
  errorMessage: string | null
  /** epoch ms of a cancel request (cancelling), and of its effect (cancelled) */
  cancelRequestedAt: number | null
  cancelledAt: number | null
}

export type MessageConfig = Omit<ReleaseConfig, 'suggestedActions' | 'heartbeat' | 'evaluator'>

export interface MessageDoc extends StoredDoc, Stamps, Omit<MessageConfig, 'systemPrompt' | 'withReasoning' | 'temperature' | 'maxSteps' | 'integrationSlug' | 'languageModelSlug'> {
  workspaceUuid: string
  agentUuid: string | null
  releaseUuid: string | null
  chatUuid: string
  userUuid: string | null
  status: string
  errorMessage: string | null
  type: 'user' | 'assistant'
  parts: JsonObject[]
  systemPrompt: string | null
  withReasoning: boolean | null
  temperature: number | null
  maxSteps: number | null
  integrationSlug: string | null
  languageModelSlug: string | null
  evaluatedTools: JsonObject
  usage: JsonObject | null
  evaluation: JsonObject | null
  meta: JsonObject | null
  suggestedActions: JsonObject[]
  temporalWorkflowId: string | null
  finishedAt: string | null
  deletedAt: string | null
  _sim?: MessageSim
}
