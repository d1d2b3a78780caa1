/**
 * What an MCP tool is here: a name, a description an agent can act on, a zod input schema (the endpoint
 * tables' payload schemas, so a tool and its command cannot drift) and a function of the typed client.
 * The JSON Schema that tools/list shows is generated from the zod schema, and the same zod schema checks
 * the arguments of tools/call.
 */
import { z } from 'zod'
import type { CargoClient } from '../api/client.js'

export interface ToolContext {
  /** opened on first use: a server whose session has no token still starts and answers with tool errors */
  client: () => Promise<CargoClient>
  /** aborted when the MCP client cancels the call or the server stops */
  signal: AbortSignal
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject> {
  name: string
  description: string
  input: I
  /** reads only (MCP's readOnlyHint) */
  readOnly: boolean
  run(context: ToolContext, input: z.output<I>): Promise<unknown>
}

export function defineTool<I extends z.ZodObject>(tool: ToolDefinition<I>): ToolDefinition {
  return tool as unknown as ToolDefinition
}

/** A tool as tools/list shows it. */
export interface ListedTool {
  name: string
  description?: string
  inputSchema: { type: 'object'; [key: string]: unknown }
  annotations?: Record<string, unknown>
  [key: string]: unknown
}

/** A tools/call answer: text content, and isError when the call failed. */
export interface ToolAnswer {
  content: Array<{ type: 'text'; text: string }>
  isError?: boolean
  [key: string]: unknown
}

/** What a server serves: its own tools (platform, workspace server) or another server's (remote). */
export interface ToolSet {
  list(): Promise<ListedTool[]>
  call(name: string, args: Record<string, unknown> | undefined, signal: AbortSignal): Promise<ToolAnswer>
}

/** The input schema as JSON Schema, as a client validates arguments against it. */
export function inputJsonSchema(input: z.ZodObject): ListedTool['inputSchema'] {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return { ...schema, type: 'object' }
}

export function listedTool(tool: ToolDefinition): ListedTool {
  return {
    name: tool.name,
    description: tool.description,
    inputSchema: inputJsonSchema(tool.input),
    annotations: { readOnlyHint: tool.readOnly, openWorldHint: true },
  }
}

/** A result as one text block of compact JSON (an agent pays for every character); errors are the CLI's error object. */
export function textAnswer(value: unknown, isError = false): ToolAnswer {
  return { content: [{ type: 'text', text: JSON.stringify(value ?? null) }], ...(isError ? { isError: true } : {}) }
}

/**
 * A ToolSet made on first tools/list or tools/call: the endpoint tables and their zod schemas are not
 * loaded before `initialize` is answered.
 */
export function lazyToolSet(make: () => Promise<ToolSet>): ToolSet {
  let made: Promise<ToolSet> | undefined
  const tools = () => {
    made ??= make()
    return made
  }
  return {
    list: async () => (await tools()).list(),
    call: async (name, args, signal) => (await tools()).call(name, args, signal),
  }
}
