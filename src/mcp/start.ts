/**
 * What `cargo-ai mcp` does once its command line is read, shared by the oclif command (src/commands/mcp.ts)
 * and the start without oclif (src/mcp/entry.ts): choose the tools (platform, one workspace server, or the
 * remote relay) and serve them over stdio or HTTP. Nothing heavy is imported before `initialize` is answered.
 */
import type { Readable, Writable } from 'node:stream'
import type { CargoClient } from '../api/client.js'
import type { Session } from '../auth/session.js'
import { UsageError } from '../cli/cli-error.js'
import type { InterruptSource } from '../cli/factory.js'
import { lazyToolSet, type ToolSet } from './tool.js'

export const SERVER_VARIABLE = 'CARGO_MCP_SERVER_UUID'
export const REMOTE_URL_VARIABLE = 'CARGO_AI_MCP_URL'
export const HTTP_TOKEN_VARIABLE = 'CARGO_AI_MCP_TOKEN'

export interface McpFlags {
  server?: string
  remote?: boolean
  port?: number
  host?: string
}

/** What serving needs from the command that runs it. */
export interface McpHost {
  env: NodeJS.ProcessEnv
  io: { stdin: Readable; stdout: Writable }
  version: string
  onInterrupt: InterruptSource
  note(message: string): void
  print(value: unknown): Promise<void>
  session(): Promise<Session>
  /** the CLI's client for the session (retries, token renewal, error mapping) */
  client(): Promise<CargoClient>
}

/** The checks made before anything is served (exit 2); returns the workspace MCP server to serve, if any. */
export function checkMcpFlags(flags: McpFlags, env: NodeJS.ProcessEnv): { serverUuid?: string } {
  if (flags.port !== undefined && (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65_535)) throw new UsageError('--port: expected 0 to 65535')
  if (flags.server !== undefined && !flags.server.trim()) throw new UsageError('--server: expected an MCP server UUID')
  const serverUuid = flags.server || env[SERVER_VARIABLE] || undefined
  if (flags.remote && serverUuid) {
    throw new UsageError(`--remote relays the platform's tools: leave out ${flags.server ? '--server' : SERVER_VARIABLE}`)
  }
  return { serverUuid }
}

export async function startMcp(flags: McpFlags, host: McpHost): Promise<void> {
  const { serverUuid } = checkMcpFlags(flags, host.env)
  const client = once(host.client)
  const tools = flags.remote ? await remoteTools(host, client) : localTools(serverUuid, client)
  const log = (message: string) => host.note(message)
  if (flags.port === undefined) {
    // stdout belongs to the protocol: a stray console.log from any library goes to stderr instead
    console.log = console.error
    console.info = console.error
    const { serveStdio } = await import('./server.js')
    await serveStdio(tools, host.version, { stdin: host.io.stdin, stdout: host.io.stdout, log })
    return
  }
  const { newBearerToken, serveHttp } = await import('./http-server.js')
  const token = host.env[HTTP_TOKEN_VARIABLE] || newBearerToken()
  const serving = await serveHttp(tools, host.version, { host: flags.host ?? '127.0.0.1', port: flags.port, token, log })
  await host.print({ url: serving.url, token: serving.token })
  host.note(`MCP server listening on ${serving.url} (Authorization: Bearer <token>); Ctrl-C stops it.`)
  await new Promise<void>((resolve) => {
    const unsubscribe = host.onInterrupt(() => {
      unsubscribe()
      resolve()
    })
  })
  await serving.close()
}

/** Opened on the first call that needs it, once; a failure (no sign-in) fails that call and is tried again on the next. */
function once<T>(open: () => Promise<T>): () => Promise<T> {
  let opening: Promise<T> | undefined
  return () => {
    opening ??= open()
    opening.catch(() => (opening = undefined))
    return opening
  }
}

function localTools(serverUuid: string | undefined, client: () => Promise<CargoClient>): ToolSet {
  return lazyToolSet(async () => {
    const { localToolSet } = await import('./local-tools.js')
    if (serverUuid) {
      const { workspaceServerTools } = await import('./workspace-server-tools.js')
      return localToolSet(async () => workspaceServerTools(await client(), serverUuid), client)
    }
    const { platformTools } = await import('./platform-tools.js')
    return localToolSet(async () => [...platformTools], client)
  })
}

async function remoteTools(host: McpHost, client: () => Promise<CargoClient>): Promise<ToolSet> {
  const [{ remoteToolSet, HOSTED_MCP_URL }, { checkUrl, emulatorFetch }] = await Promise.all([import('./remote-tools.js'), import('../cli/api-access.js')])
  const configured = host.env[REMOTE_URL_VARIABLE]
  if (configured) checkUrl(configured, REMOTE_URL_VARIABLE)
  const session = await host.session()
  let url = configured || HOSTED_MCP_URL
  let fetch: ((input: string | URL, init?: RequestInit) => Promise<Response>) | undefined
  // the embedded emulator serves /mcp in-process, as the served one does over HTTP
  if (session.emulator && !configured) {
    const { IN_PROCESS_ORIGIN } = await import('../emulator/in-process.js')
    url = `${IN_PROCESS_ORIGIN}/mcp`
    const inProcess = await emulatorFetch(session.configDir)
    fetch = (input, init) => inProcess(String(input), init as never) as Promise<Response>
  }
  return remoteToolSet({ url, fetch, version: host.version, token: async () => (await client()).options.token ?? '' })
}
