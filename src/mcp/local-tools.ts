/**
 * Serving tool definitions: arguments checked with the tool's zod schema, the result as JSON text, and
 * every failure (a refused argument, an API error, no sign-in) as a tool error carrying the CLI's error
 * object ({errorMessage, reason?, status?}), so that one failed call never takes the server down.
 */
import { z } from 'zod'
import { reportError } from '../cli/output.js'
import { type ListedTool, listedTool, type ToolAnswer, type ToolContext, type ToolDefinition, type ToolSet, textAnswer } from './tool.js'

/** tools/call named a tool the server does not have: a protocol error (invalid params), not a tool error. */
export class UnknownToolError extends Error {
  constructor(readonly toolName: string) {
    super(`Unknown tool: ${toolName}`)
    this.name = 'UnknownToolError'
  }
}

export function localToolSet(load: () => Promise<ToolDefinition[]>, client: ToolContext['client']): ToolSet {
  let tools: Promise<ToolDefinition[]> | undefined
  let listed: ListedTool[] | undefined
  const loaded = () => {
    tools ??= load()
    // a failed load (an unknown --server uuid, the network) is tried again on the next request
    tools.catch(() => (tools = undefined))
    return tools
  }
  return {
    async list() {
      listed ??= (await loaded()).map(listedTool)
      return listed
    },
    async call(name, args, signal): Promise<ToolAnswer> {
      let tool: ToolDefinition | undefined
      try {
        tool = (await loaded()).find((candidate) => candidate.name === name)
      } catch (error) {
        return textAnswer(reportError(error).body, true)
      }
      if (!tool) throw new UnknownToolError(name)
      const parsed = tool.input.safeParse(args ?? {})
      if (!parsed.success) {
        return textAnswer({ errorMessage: `Invalid arguments for ${name}: ${z.prettifyError(parsed.error)}`, reason: 'invalidArguments' }, true)
      }
      try {
        return textAnswer(await tool.run({ client, signal }, parsed.data))
      } catch (error) {
        return textAnswer(reportError(error).body, true)
      }
    },
  }
}
