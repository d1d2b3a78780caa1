/**
 * The platform tools: the thirteen tools of Cargo's hosted MCP server (UPSTREAM.md (f)), under the same
 * names, each one or a few calls of the endpoint tables through the CLI's client. Inputs are the payload
 * schemas of those endpoints (extended where the tool adds a default or a wait), never a second copy.
 */
import { z } from 'zod'
import { actionKinds, searchActions } from '../api/action-search.js'
import type { CargoClient } from '../api/client.js'
import { getUsageMetrics } from '../api/endpoints/billing.js'
import { autocompleteConnector, getIntegration, getNativeIntegration } from '../api/endpoints/connection.js'
import { executeAction, executeActionBatch, getActionOutputSchema, getBatch, getRun, listRuns } from '../api/endpoints/orchestration.js'
import { getModel, listModels, listRecords } from '../api/endpoints/storage.js'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace } from '../api/endpoints/workspace-management.js'
import { isoDate } from '../api/schemas/common.js'
import { opt, req } from '../api/schemas/fields.js'
import type { Action } from '../api/schemas/orchestration.js'
import { waitForBatch, waitForRun } from '../cli/waiters/orchestration.js'
import { defineTool, type ToolDefinition } from './tool.js'
import { answerOrWait, waitFields } from './waiting.js'

export const MAX_SEARCH_RESULTS = 50
const USAGE_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/** The action object with the empty config some API versions still require; no API reads it. */
function withConfig<A extends { config?: unknown }>(action: A): A & { config: NonNullable<A['config']> | Record<string, never> } {
  return { ...action, config: action.config ?? {} } as never
}

const whoami = defineTool({
  name: 'whoami',
  description: 'Who this server acts as: the signed-in user and the workspace every other tool works in. Call it first to check the connection.',
  input: getCurrentUser.payload,
  readOnly: true,
  async run({ client, signal }) {
    const api = await client()
    const [{ user }, { workspace }] = await Promise.all([api.call(getCurrentUser, {}, { signal }), api.call(getCurrentWorkspace, {}, { signal })])
    return { user, workspace }
  },
})

const usageInput = getUsageMetrics.payload.extend({
  from: opt(isoDate, `First day (YYYY-MM-DD); default ${USAGE_DAYS} days ago`),
  to: opt(isoDate, 'Last day (YYYY-MM-DD); default today'),
})

const getUsage = defineTool({
  name: 'get_usage',
  description: `Credit spend of the workspace per day, by default over the last ${USAGE_DAYS} days in billing.credits grouped by integration_slug; totals sums the days per group. Narrow with from/to, unit, groupBy or a workflowUuid/connectorUuid/integrationSlug filter.`,
  input: usageInput,
  readOnly: true,
  async run({ client, signal }, input) {
    const now = Date.now()
    const payload = {
      unit: 'billing.credits' as const,
      groupBy: 'integration_slug' as const,
      ...input,
      from: input.from ?? new Date(now - USAGE_DAYS * DAY_MS).toISOString().slice(0, 10),
      to: input.to ?? new Date(now).toISOString().slice(0, 10),
    }
    const { metrics } = await (await client()).call(getUsageMetrics, payload, { signal })
    const totals: Record<string, number> = {}
    for (const day of metrics) for (const item of day.items) totals[item.groupBy ?? item.slug] = (totals[item.groupBy ?? item.slug] ?? 0) + item.count
    return { from: payload.from, to: payload.to, unit: payload.unit, groupBy: payload.groupBy, totals, metrics }
  },
})

const searchInput = z.object({
  query: req(z.string(), 'Words to look for in action, integration and tool names and descriptions; every word must match (empty: everything)'),
  kind: opt(z.enum(actionKinds), 'Only actions of this kind'),
  integrationSlug: opt(z.string().min(1), 'Only actions of this integration (e.g. clearbit)'),
  limit: opt(z.int().min(1).max(MAX_SEARCH_RESULTS), `Maximum results (default 20, at most ${MAX_SEARCH_RESULTS})`),
})

const searchActionsTool = defineTool({
  name: 'search_actions',
  description:
    'Find actions to run: connector actions of integrations, native actions, the workspace tools and agents. Each result has an action object to pass as is to get_action_schema, execute_action or execute_action_batch, and credits[].cost when it bills credits.',
  input: searchInput,
  readOnly: true,
  async run({ client }, input) {
    return searchActions(await client(), {
      keywords: input.query.split(/\s+/).filter(Boolean),
      kinds: input.kind ? [input.kind] : undefined,
      integrationSlug: input.integrationSlug,
      limit: input.limit ?? 20,
    })
  },
})

const getActionSchema = defineTool({
  name: 'get_action_schema',
  description:
    'What an action takes and returns, without running it: inputSchema (the JSON Schema of its data, for connector and native actions) and outputSchema. Pass the action object from search_actions; config is filled in for you. Give data when the output depends on the inputs.',
  input: getActionOutputSchema.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    const api = await client()
    const action = withConfig(input.action)
    const [{ schema }, inputSchema] = await Promise.all([
      api.call(getActionOutputSchema, { ...input, action }, { signal }),
      catalogInputSchema(api, action, signal),
    ])
    return { action, ...(inputSchema === undefined ? {} : { inputSchema }), outputSchema: schema }
  },
})

/** The config schema the catalogue gives a connector or native action; tools and agents take their workflow's input. */
async function catalogInputSchema(api: CargoClient, action: Action, signal: AbortSignal): Promise<unknown> {
  if (action.kind === 'connector') {
    const { integration } = await api.call(getIntegration, { slug: action.integrationSlug }, { signal })
    return integration.actions[action.actionSlug]?.config
  }
  if (action.kind === 'native') {
    const { nativeIntegration } = await api.call(getNativeIntegration, {}, { signal })
    return nativeIntegration.actions[action.actionSlug]?.config
  }
  return undefined
}

const autocompleteAction = defineTool({
  name: 'autocomplete_action',
  description:
    'The values a config field with an autocomplete widget accepts (its uiSchema "ui:widget" is IntegrationAutocompleteWidget), fetched live through a connector: slug and params come from the field\'s "ui:options". Use each result\'s value, not its label.',
  input: autocompleteConnector.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(autocompleteConnector, input, { signal })
  },
})

const executeActionTool = defineTool({
  name: 'execute_action',
  description:
    'Run one action on one record (data, the inputs as a JSON object). Returns at once with the run (its uuid and status); poll get_run until the status is success, error, cancelled or skipped, or pass wait: true to wait here (bounded by waitTimeoutSeconds). Bills credits when the action does.',
  input: executeAction.payload.extend(waitFields('run', 'get_run')),
  readOnly: false,
  async run(context, { wait, waitTimeoutSeconds, ...input }) {
    const started = await (await context.client()).call(executeAction, { ...input, action: withConfig(input.action), data: input.data ?? {} }, { signal: context.signal })
    return answerOrWait(context, waitForRun, 'get_run', started, { wait, waitTimeoutSeconds })
  },
})

const executeActionBatchTool = defineTool({
  name: 'execute_action_batch',
  description:
    'Run one action on many records (records, an array of input objects), one run per record. Returns at once with the batch (its uuid and status); poll get_batch while the status is pending or running, or pass wait: true (bounded by waitTimeoutSeconds). A finished batch has an output CSV (orchestration batch download in the CLI).',
  input: executeActionBatch.payload.extend(waitFields('batch', 'get_batch')),
  readOnly: false,
  async run(context, { wait, waitTimeoutSeconds, ...input }) {
    const started = await (await context.client()).call(executeActionBatch, { ...input, action: withConfig(input.action) }, { signal: context.signal })
    return answerOrWait(context, waitForBatch, 'get_batch', started, { wait, waitTimeoutSeconds })
  },
})

const getRunTool = defineTool({
  name: 'get_run',
  description: 'A run by uuid: its status (final: success, error, cancelled, skipped) and, once finished, its output in runContext. Poll it after execute_action, every few seconds.',
  input: getRun.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(getRun, input, { signal })
  },
})

const getBatchTool = defineTool({
  name: 'get_batch',
  description: 'A batch by uuid: its status (final: success, error, cancelled) and counts. Poll it after execute_action_batch, every few seconds, while it is pending or running.',
  input: getBatch.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(getBatch, input, { signal })
  },
})

const listRunsTool = defineTool({
  name: 'list_runs',
  description: 'Recent runs of the workspace, newest first, filtered by workflow, batch, statuses, record or dates; limit and offset page through them.',
  input: listRuns.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(listRuns, input, { signal })
  },
})

const listModelsTool = defineTool({
  name: 'list_models',
  description: 'The data models of the workspace (tables of records synced from connectors or uploaded), with their uuid; see describe_model for columns and query_models for records.',
  input: listModels.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(listModels, input, { signal })
  },
})

const describeModelTool = defineTool({
  name: 'describe_model',
  description: 'One model by uuid (from list_models): its columns (source and added) and settings, to know what query_models returns.',
  input: getModel.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(getModel, input, { signal })
  },
})

const queryModelsTool = defineTool({
  name: 'query_models',
  description: 'Records of one model (modelUuid from list_models), a page at a time with limit and offset; sort on _id, _title or _emitted_at. Not SQL.',
  input: listRecords.payload,
  readOnly: true,
  async run({ client, signal }, input) {
    return (await client()).call(listRecords, input, { signal })
  },
})

/** The order tools/list shows: who and what it costs, find an action, run it, follow it, then the data. */
export const platformTools: readonly ToolDefinition[] = [
  whoami,
  getUsage,
  searchActionsTool,
  getActionSchema,
  autocompleteAction,
  executeActionTool,
  executeActionBatchTool,
  getRunTool,
  getBatchTool,
  listRunsTool,
  listModelsTool,
  describeModelTool,
  queryModelsTool,
]
