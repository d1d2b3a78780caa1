import * as Flags from '@oclif/core/flags'
import type { CargoClient } from '../api/client.js'
import { BaseCommand } from '../cli/base-command.js'
import { UsageError } from '../cli/cli-error.js'
import { parseInteger } from '../cli/flag-values.js'
import type { ToolSet } from '../mcp/tool.js'

export const SERVER_VARIABLE = 'CARGO_MCP_SERVER_UUID'
export const REMOTE_URL_VARIABLE = 'CARGO_AI_MCP_URL'
export const HTTP_TOKEN_VARIABLE = 'CARGO_AI_MCP_TOKEN'

export default class Mcp extends BaseCommand {
  static summary = 'Serve Cargo as Model Context Protocol tools for an agent (stdio by default), with this machine\'s sign-in.'
  static description = `By default the platform tools (whoami, get_usage, search_actions, get_action_schema, autocomplete_action,
execute_action, execute_action_batch, get_run, get_batch, list_runs, list_models, describe_model, query_models) are
served from this CLI's own client, so they work against the embedded or a served emulator too. --server (or
${SERVER_VARIABLE}) serves the actions of one workspace MCP server instead (ai mcp-server list). --remote relays Cargo's
hosted MCP server (${REMOTE_URL_VARIABLE}, default https://mcp.getcargo.io/mcp) with the stored token.
Over stdio, standard output carries only protocol messages; notices go to standard error. --port serves Streamable
HTTP at http://127.0.0.1:<port>/mcp instead, and prints {url, token}: clients send the token as a Bearer header
(${HTTP_TOKEN_VARIABLE} fixes it).`
  static examples = [
    'claude mcp add cargo -- cargo-ai mcp',
    'claude mcp add cargo -- cargo-ai mcp --server <mcp-server-uuid>',
    '<%= config.bin %> mcp --remote',
    '<%= config.bin %> mcp --port 8765',
  ]
  static flags = {
    server: Flags.string({
      summary: `UUID of one of the workspace's MCP servers whose actions to serve as tools (default: ${SERVER_VARIABLE}, else the platform tools).`,
      exclusive: ['remote'],
    }),
    remote: Flags.boolean({ summary: `Relay Cargo's hosted MCP server (${REMOTE_URL_VARIABLE}) instead of serving the tools locally.` }),
    port: Flags.string({ summary: 'Serve Streamable HTTP on this port (0: a free one) instead of stdio.' }),
    host: Flags.string({ summary: 'With --port: the interface to bind (default 127.0.0.1).', dependsOn: ['port'] }),
  }

  private clientPromise?: Promise<CargoClient>

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Mcp)
    const { env } = this.factory
    const port = flags.port === undefined ? undefined : parseInteger('port', flags.port)
    if (port !== undefined && (port < 0 || port > 65_535)) throw new UsageError('--port: expected 0 to 65535')
    const serverUuid = flags.server || env[SERVER_VARIABLE] || undefined
    if (flags.remote && serverUuid) throw new UsageError(`--remote relays the platform's tools: leave out --server and ${SERVER_VARIABLE}`)
    if (flags.server !== undefined && !flags.server.trim()) throw new UsageError('--server: expected an MCP server UUID')

    const tools = flags.remote ? await this.remoteTools(flags.profile) : await this.localTools(serverUuid, flags.profile)
    const log = (message: string) => this.note(message)
    if (port === undefined) {
      // stdout belongs to the protocol: a stray console.log from any library goes to stderr instead
      console.log = console.error
      console.info = console.error
      const { serveStdio } = await import('../mcp/server.js')
      await serveStdio(tools, this.config.version, { stdin: this.factory.io.stdin, stdout: this.factory.io.stdout, log })
      return
    }
    const { newBearerToken, serveHttp } = await import('../mcp/http-server.js')
    const serving = await serveHttp(tools, this.config.version, { host: flags.host ?? '127.0.0.1', port, token: env[HTTP_TOKEN_VARIABLE] || newBearerToken(), log })
    await this.print({ url: serving.url, token: serving.token })
    this.note(`MCP server listening on ${serving.url} (Authorization: Bearer <token>); Ctrl-C stops it.`)
    await new Promise<void>((resolve) => {
      const unsubscribe = this.factory.onInterrupt(() => {
        unsubscribe()
        resolve()
      })
    })
    await serving.close()
  }

  /** Opened on the first call that needs it, once: a missing sign-in fails calls, not the start. */
  private apiClient(profile?: string): Promise<CargoClient> {
    this.clientPromise ??= this.client(profile)
    this.clientPromise.catch(() => (this.clientPromise = undefined))
    return this.clientPromise
  }

  private async localTools(serverUuid: string | undefined, profile?: string): Promise<ToolSet> {
    const client = () => this.apiClient(profile)
    const { localToolSet } = await import('../mcp/local-tools.js')
    if (serverUuid) {
      const { workspaceServerTools } = await import('../mcp/workspace-server-tools.js')
      return localToolSet(async () => workspaceServerTools(await client(), serverUuid), client)
    }
    const { platformTools } = await import('../mcp/platform-tools.js')
    return localToolSet(async () => [...platformTools], client)
  }

  private async remoteTools(profile?: string): Promise<ToolSet> {
    const [{ remoteToolSet, HOSTED_MCP_URL }, { checkUrl, emulatorFetch }] = await Promise.all([import('../mcp/remote-tools.js'), import('../cli/api-access.js')])
    const session = await this.session(profile)
    const configured = this.factory.env[REMOTE_URL_VARIABLE]
    if (configured) checkUrl(configured, REMOTE_URL_VARIABLE)
    let url = configured || HOSTED_MCP_URL
    let fetch: ((input: string | URL, init?: RequestInit) => Promise<Response>) | undefined
    // the embedded emulator serves /mcp in-process, as the served one does over HTTP
    if (session.emulator && !configured) {
      const { IN_PROCESS_ORIGIN } = await import('../emulator/in-process.js')
      url = `${IN_PROCESS_ORIGIN}/mcp`
      const inProcess = await emulatorFetch(session.configDir)
      fetch = (input, init) => inProcess(String(input), init as never) as Promise<Response>
    }
    return remoteToolSet({
      url,
      fetch,
      version: this.config.version,
      token: async () => (await this.apiClient(profile)).options.token ?? '',
    })
  }
}
