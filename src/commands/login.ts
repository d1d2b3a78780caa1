import { Flags } from '@oclif/core'
import { ApiError } from '../api/errors.js'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace } from '../api/endpoints/workspace-management.js'
import { readConfig, writeConfig } from '../auth/config-file.js'
import { storeToken } from '../auth/credential-store.js'
import { BaseCommand } from '../cli/base-command.js'
import { CliError, ExitCode, UsageError } from '../cli/cli-error.js'

export default class Login extends BaseCommand {
  static summary = 'Sign in with an API token and remember it for later commands.'
  static description = `The token is checked against the API (current user and workspace) before anything is stored.
It is kept in the OS keyring when one answers, otherwise in a file readable only by you
(credentials.json in the config directory). CARGO_AI_TOKEN, when set, overrides what is stored.`
  static examples = [
    '<%= config.bin %> login --token "$CARGO_API_TOKEN"',
    '<%= config.bin %> login --token "$CARGO_API_TOKEN" --workspace-uuid 3f2a…',
    'echo "$CARGO_API_TOKEN" | <%= config.bin %> login --token -',
  ]
  static flags = {
    token: Flags.string({ summary: 'Workspace API token (from the Cargo app, Settings > API); - reads it from standard input.' }),
    oauth: Flags.boolean({ summary: 'Sign in through the browser instead of with a token.', exclusive: ['token'] }),
    'workspace-uuid': Flags.string({ summary: 'Workspace to use by default; sent as selected-workspace-uuid on every call.' }),
    'base-url': Flags.string({ summary: 'API origin to sign in to (default https://api.getcargo.io, or CARGO_AI_BASE_URL).' }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Login)
    if (flags.oauth) throw new UsageError('Browser sign-in (--oauth) is not available yet; sign in with --token <token>')
    if (flags.token === undefined) throw new UsageError('Missing --token: pass an API token (or - to read it from standard input)')
    const token = flags.token === '-' ? (await readStdin(this.factory.io.stdin)).trim() : flags.token
    if (!token) throw new UsageError('--token is empty')
    if (/\s/.test(token)) throw new UsageError('--token contains white space; pass the token alone')

    const session = await this.session(flags.profile)
    const baseUrl = flags['base-url'] ?? session.baseUrl
    const requestedWorkspace = flags['workspace-uuid'] ?? this.factory.env.CARGO_AI_WORKSPACE_UUID
    const client = this.clientFor(baseUrl, token, requestedWorkspace)
    let user
    let workspace
    try {
      ;({ user } = await client.call(getCurrentUser, {}))
      ;({ workspace } = await client.call(getCurrentWorkspace, {}))
    } catch (error) {
      if (error instanceof ApiError && (error.kind === 'authorization' || error.status === 403)) {
        throw new CliError(`The API refused this token${requestedWorkspace ? ` for workspace ${requestedWorkspace}` : ''}: ${error.message}`, ExitCode.auth, {
          status: error.status,
        })
      }
      throw error
    }

    const dir = session.configDir
    const { store, fallbackReason } = await storeToken(dir, session.profileName, token, this.factory.env)
    if (fallbackReason) this.note(`No OS keyring available (${fallbackReason}); the token is stored in ${dir}/credentials.json (mode 0600).`)
    const config = await readConfig(dir)
    config.profiles[session.profileName] = {
      ...config.profiles[session.profileName],
      baseUrl: flags['base-url'] ?? config.profiles[session.profileName]?.baseUrl,
      workspaceUuid: workspace.uuid,
      credentialStore: store.kind,
      userEmail: user.email,
    }
    if (!config.profiles[session.profileName].baseUrl) delete config.profiles[session.profileName].baseUrl
    config.currentProfile = session.profileName
    await writeConfig(dir, config)
    await this.print({ profile: session.profileName, credentialStore: store.kind, baseUrl, user, workspace })
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
  return Buffer.concat(chunks).toString('utf8')
}
