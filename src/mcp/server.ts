/**
 * The protocol side, on the official SDK's low-level Server: tools/list and tools/call answered from a
 * ToolSet, over stdio or over Streamable HTTP (one stateless exchange per HTTP request). The SDK is loaded
 * when a server is made, never by the CLI's other commands.
 */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js'
import type { Readable, Writable } from 'node:stream'
import { reportError } from '../cli/output.js'
import { UnknownToolError } from './local-tools.js'
import type { ToolSet } from './tool.js'

export const SERVER_NAME = 'cargo-ai'

const INSTRUCTIONS = `Tools of the Cargo revenue-automation platform, acting as the signed-in user in one workspace.
Start with whoami. To do something: search_actions, then get_action_schema for its inputs, then execute_action
(one record) or execute_action_batch (many); they answer at once with a uuid to poll with get_run or get_batch.
Failed calls answer with isError and a JSON object {errorMessage, reason?, status?}.`

export async function createProtocolServer(tools: ToolSet, version: string, log: (message: string) => void): Promise<Server> {
  const [{ Server }, { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError }] = await Promise.all([
    import('@modelcontextprotocol/sdk/server/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
  ])
  const server = new Server({ name: SERVER_NAME, version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS })
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    try {
      return { tools: await tools.list() }
    } catch (error) {
      const { body } = reportError(error)
      throw new McpError(ErrorCode.InternalError, body.errorMessage, body)
    }
  })
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    try {
      return await tools.call(request.params.name, request.params.arguments, extra.signal)
    } catch (error) {
      if (error instanceof UnknownToolError) throw new McpError(ErrorCode.InvalidParams, error.message)
      // a remote server's protocol error is relayed with its own code
      if (error instanceof McpError) throw error
      const { body } = reportError(error)
      throw new McpError(ErrorCode.InternalError, body.errorMessage, body)
    }
  })
  // an unreadable line or a broken pipe is said on stderr; the server goes on with the next message
  server.onerror = (error) => log(`cargo-ai mcp: ${error.message}`)
  return server
}

/** Serves on stdin/stdout until the client closes stdin. */
export async function serveStdio(tools: ToolSet, version: string, io: { stdin: Readable; stdout: Writable; log: (message: string) => void }): Promise<void> {
  const [server, { StdioServerTransport }] = await Promise.all([
    createProtocolServer(tools, version, io.log),
    import('@modelcontextprotocol/sdk/server/stdio.js'),
  ])
  const ended = new Promise<void>((resolve) => {
    io.stdin.once('end', resolve)
    io.stdin.once('close', resolve)
  })
  const transport = new StdioServerTransport(io.stdin, io.stdout)
  await server.connect(transport)
  // a client that writes its requests and closes stdin (a script, a pipe) still gets every answer
  let unanswered = 0
  let allAnswered: (() => void) | undefined
  const received = transport.onmessage
  transport.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && 'id' in message) unanswered++
    received?.(message)
  }
  const send = transport.send.bind(transport)
  transport.send = async (message: JSONRPCMessage) => {
    await send(message)
    if (!('method' in message) && 'id' in message && --unanswered === 0) allAnswered?.()
  }
  await ended
  if (unanswered > 0) await new Promise<void>((resolve) => (allAnswered = resolve))
  await server.close()
}

/** One Streamable HTTP request, answered statelessly (no session id): JSON answers, no event stream. */
export async function answerHttpRequest(tools: ToolSet, version: string, request: Request, log: (message: string) => void): Promise<Response> {
  // stateless: no event stream to open (GET) and no session to end (DELETE); clients accept 405 for both
  if (request.method !== 'POST') {
    return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless, POST only' }, id: null }), {
      status: 405,
      headers: { allow: 'POST', 'content-type': 'application/json' },
    })
  }
  const [server, { WebStandardStreamableHTTPServerTransport }] = await Promise.all([
    createProtocolServer(tools, version, log),
    import('@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'),
  ])
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
  await server.connect(transport)
  try {
    return await transport.handleRequest(request)
  } finally {
    await server.close()
  }
}
