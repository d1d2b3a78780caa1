/**
 * `--remote`: the tools of another MCP server reached over Streamable HTTP (Cargo's hosted one by default),
 * relayed through the SDK's client with the session's token as Bearer. The connection is opened on the
 * first tools/list or tools/call, so that `initialize` is answered without waiting for the network.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { reportError } from '../cli/output.js'
import { type ListedTool, type ToolAnswer, type ToolSet, textAnswer } from './tool.js'

export const HOSTED_MCP_URL = 'https://mcp.getcargo.io/mcp'

export interface RemoteTarget {
  url: string
  /** the current token, asked for at each connection (an OAuth token may have been renewed) */
  token: () => Promise<string>
  /** a fetch that returns Web Responses (the embedded emulator's), else the global one */
  fetch?: (input: string | URL, init?: RequestInit) => Promise<Response>
  version: string
}

export function remoteToolSet(target: RemoteTarget): ToolSet {
  let connecting: Promise<Client> | undefined
  const connected = () => {
    connecting ??= connect(target)
    connecting.catch(() => (connecting = undefined))
    return connecting
  }
  return {
    async list(): Promise<ListedTool[]> {
      const client = await connected()
      const tools: ListedTool[] = []
      let cursor: string | undefined
      do {
        const page = await client.listTools(cursor ? { cursor } : {})
        tools.push(...(page.tools as ListedTool[]))
        cursor = page.nextCursor
      } while (cursor)
      return tools
    },
    async call(name, args, signal): Promise<ToolAnswer> {
      let client: Client
      try {
        client = await connected()
      } catch (error) {
        return textAnswer(reportError(error).body, true)
      }
      return (await client.callTool({ name, arguments: args }, undefined, { signal })) as ToolAnswer
    },
  }
}

async function connect(target: RemoteTarget): Promise<Client> {
  const [{ Client }, { StreamableHTTPClientTransport }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/client/streamableHttp.js'),
  ])
  const token = await target.token()
  const transport = new StreamableHTTPClientTransport(new URL(target.url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    ...(target.fetch ? { fetch: target.fetch as never } : {}),
  })
  const client = new Client({ name: 'cargo-ai', version: target.version })
  try {
    await client.connect(transport)
  } catch (error) {
    throw new Error(`Could not reach the MCP server at ${target.url}: ${(error as Error).message}`, { cause: error })
  }
  return client
}
