import * as Flags from '@oclif/core/flags'
import { BaseCommand } from '../cli/base-command.js'
import { parseInteger } from '../cli/flag-values.js'
import { HTTP_TOKEN_VARIABLE, REMOTE_URL_VARIABLE, SERVER_VARIABLE, startMcp } from '../mcp/start.js'

export default class Mcp extends BaseCommand {
  static summary = "Serve Cargo as Model Context Protocol tools for an agent (stdio by default), with this machine's sign-in."
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

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Mcp)
    const { env, io, onInterrupt } = this.factory
    await startMcp(
      { server: flags.server, remote: flags.remote, port: flags.port === undefined ? undefined : parseInteger('port', flags.port), host: flags.host },
      {
        env,
        io,
        version: this.config.version,
        onInterrupt,
        note: (message) => this.note(message),
        print: (value) => this.print(value),
        session: () => this.session(flags.profile),
        client: () => this.client(flags.profile),
      },
    )
  }
}
