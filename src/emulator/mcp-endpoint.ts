/**
 * The emulator's `/mcp`: what Cargo's hosted MCP server is to the real API (Streamable HTTP, Bearer
 * token, the platform tools), served statelessly. The tools are the CLI's own (src/mcp), calling this
 * emulator's API in-process with the caller's token, so `cargo-ai mcp --remote` can be tested offline.
 */
import { CargoClient } from '../api/client.js'
import { localToolSet } from '../mcp/local-tools.js'
import { platformTools } from '../mcp/platform-tools.js'
import { unauthorized } from '../mcp/http-server.js'
import { answerHttpRequest } from '../mcp/server.js'
import { ApiFailure } from './kernel/http.js'

export const EMULATOR_MCP_PATH = '/mcp'

export interface EmulatorApi {
  handle(request: Request): Promise<Response>
  /** throws the API's 401/403 for a missing, unknown or expired token */
  authenticate(headers: Headers): void
}

export async function handleMcp(request: Request, api: EmulatorApi): Promise<Response> {
  try {
    api.authenticate(request.headers)
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return unauthorized(error.body.errorMessage ?? 'Unauthorized')
    throw error
  }
  const token = /^bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1]
  const origin = new URL(request.url).origin
  const workspaceUuid = request.headers.get('selected-workspace-uuid') ?? undefined
  const client = new CargoClient({
    baseUrl: origin,
    token,
    workspaceUuid,
    version: 'emulator-mcp',
    fetch: (input, init) => api.handle(new Request(input, init as RequestInit)),
  })
  const tools = localToolSet(async () => [...platformTools], async () => client)
  return answerHttpRequest(tools, 'emulator', request, () => {})
}
