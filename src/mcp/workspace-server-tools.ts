/**
 * `--server <uuid>`: the tools of one of the workspace's own MCP servers (`ai mcp-server get`). Each of
 * its actions becomes a tool named by the action's slug, run through the same call as `orchestration
 * action execute` (one record, `data`), with the same optional wait as the platform's execute_action.
 */
import { getMcpServer } from '../api/endpoints/ai.js'
import { executeAction } from '../api/endpoints/orchestration.js'
import type { AiAction } from '../api/schemas/ai.js'
import type { Action } from '../api/schemas/orchestration.js'
import type { CargoClient } from '../api/client.js'
import { waitForRun } from '../cli/waiters/orchestration.js'
import { defineTool, type ToolDefinition } from './tool.js'
import { platformTools } from './platform-tools.js'
import { answerOrWait, waitFields } from './waiting.js'

const serverToolInput = executeAction.payload.pick({ data: true }).extend(waitFields('run', 'get_run'))

/** The action of an MCP server as `action execute` takes it. */
export function executableAction(action: AiAction): Action {
  const config = action.config ?? {}
  if (action.kind === 'connector') {
    return { kind: 'connector', integrationSlug: action.integrationSlug, actionSlug: action.actionSlug, ...(action.connectorUuid ? { connectorUuid: action.connectorUuid } : {}), config }
  }
  if (action.kind === 'tool') return { kind: 'tool', ...(action.toolUuid ? { toolUuid: action.toolUuid } : { templateSlug: action.templateSlug ?? '' }), config } as Action
  return { kind: 'agent', ...(action.agentUuid ? { agentUuid: action.agentUuid } : { templateSlug: action.templateSlug ?? '' }), config } as Action
}

function serverTool(action: AiAction): ToolDefinition {
  const what = action.description || action.name || action.slug
  return defineTool({
    name: action.slug,
    description: `${what}. Runs on one record: data holds its inputs as a JSON object. Returns at once with the run (uuid, status); poll get_run, or pass wait: true to wait here (bounded by waitTimeoutSeconds).`,
    input: serverToolInput,
    readOnly: false,
    async run(context, { wait, waitTimeoutSeconds, data }) {
      const started = await (await context.client()).call(executeAction, { action: executableAction(action), data: data ?? {} }, { signal: context.signal })
      return answerOrWait(context, waitForRun, 'get_run', started, { wait, waitTimeoutSeconds })
    },
  })
}

/** The server's actions as tools, with get_run from the platform tools to poll what they start. */
export async function workspaceServerTools(client: CargoClient, uuid: string): Promise<ToolDefinition[]> {
  const { mcpServer } = await client.call(getMcpServer, { uuid })
  const tools = mcpServer.actions.map(serverTool)
  const getRunTool = platformTools.filter((tool) => tool.name === 'get_run' && !tools.some((own) => own.name === tool.name))
  return [...tools, ...getRunTool]
}
