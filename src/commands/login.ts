import { Flags } from '@oclif/core'
import { ApiError } from '../api/errors.js'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace } from '../api/endpoints/workspace-management.js'
import type { CargoClient } from '../api/client.js'
import type { FetchLike } from '../api/transport.js'
import { type Profile, readConfig, writeConfig } from '../auth/config-file.js'
import { type CredentialStore, FileStore, storeToken } from '../auth/credential-store.js'
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
    '<%= config.bin %> login --emulator',
  ]
  static flags = {
    token: Flags.string({ summary: 'Workspace API token (from the Cargo app, Settings > API); - reads it from standard input.' }),
    oauth: Flags.boolean({ summary: 'Sign in through the browser instead of with a token.', exclusive: ['token'] }),
    'workspace-uuid': Flags.string({ summary: 'Workspace to use by default; sent as selected-workspace-uuid on every call.' }),
    'base-url': Flags.string({ summary: 'API origin to sign in to (default https://api.getcargo.io, or CARGO_AI_BASE_URL).' }),
    emulator: Flags.boolean({
      summary: 'Sign in to the embedded local emulator (no account, no network); later commands run against it.',
      exclusive: ['token', 'oauth', 'base-url'],
    }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Login)
    if (flags.oauth) throw new UsageError('Browser sign-in (--oauth) is not available yet; sign in with --token <token>')
    const session = await this.session(flags.profile)
    const profileName = flags.profile ?? (flags.emulator ? 'emulator' : session.profileName)
    const dir = session.configDir

    let token: string
    let baseUrl: string
    let fetch: FetchLike | undefined
    if (flags.emulator) {
      const { IN_PROCESS_ORIGIN } = await import('../emulator/in-process.js')
      const { SEED } = await import('../emulator/seed.js')
      token = SEED.token
      baseUrl = IN_PROCESS_ORIGIN
      fetch = await this.emulatorFetch(dir)
    } else {
      token = await this.tokenFrom(flags.token)
      baseUrl = flags['base-url'] ?? session.baseUrl
    }

    const requestedWorkspace = flags['workspace-uuid'] ?? this.factory.env.CARGO_AI_WORKSPACE_UUID
    const { user, workspace } = await this.checkToken(this.clientFor(baseUrl, token, requestedWorkspace, fetch), requestedWorkspace)

    let store: CredentialStore
    if (flags.emulator) {
      // The emulator's token is a published constant: no secret to protect in a keyring.
      store = new FileStore(dir)
      await store.set(profileName, token)
    } else {
      const stored = await storeToken(dir, profileName, token, this.factory.env)
      store = stored.store
      if (stored.fallbackReason) this.note(`No OS keyring available (${stored.fallbackReason}); the token is stored in ${dir}/credentials.json (mode 0600).`)
    }
    const config = await readConfig(dir)
    const previous = config.profiles[profileName] ?? {}
    const profile: Profile = { ...previous, workspaceUuid: workspace.uuid, credentialStore: store.kind, userEmail: user.email }
    if (flags.emulator) Object.assign(profile, { baseUrl, emulator: true })
    else {
      if (profile.emulator) delete profile.baseUrl
      delete profile.emulator
      if (flags['base-url']) profile.baseUrl = flags['base-url']
    }
    config.profiles[profileName] = profile
    config.currentProfile = profileName
    await writeConfig(dir, config)
    await this.print({ profile: profileName, credentialStore: store.kind, baseUrl, user, workspace })
  }

  private async tokenFrom(flag: string | undefined): Promise<string> {
    if (flag === undefined) throw new UsageError('Missing --token: pass an API token (or - to read it from standard input), or use --emulator')
    const token = flag === '-' ? (await readStdin(this.factory.io.stdin)).trim() : flag
    if (!token) throw new UsageError('--token is empty')
    if (/\s/.test(token)) throw new UsageError('--token contains white space; pass the token alone')
    return token
  }

  /** The token must work for the user and the workspace before anything is stored. */
  private async checkToken(client: CargoClient, requestedWorkspace: string | undefined) {
    try {
      const { user } = await client.call(getCurrentUser, {})
      const { workspace } = await client.call(getCurrentWorkspace, {})
      return { user, workspace }
    } catch (error) {
      if (error instanceof ApiError && (error.kind === 'authorization' || error.status === 403)) {
        throw new CliError(`The API refused this token${requestedWorkspace ? ` for workspace ${requestedWorkspace}` : ''}: ${error.message}`, ExitCode.auth, {
          status: error.status,
        })
      }
      throw error
    }
  }
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
  return Buffer.concat(chunks).toString('utf8')
}
