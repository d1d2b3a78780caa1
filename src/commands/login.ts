import * as Flags from '@oclif/core/flags'
import type { CargoClient } from '../api/client.js'
import { ApiError } from '../api/errors.js'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace, listWorkspaces } from '../api/endpoints/workspace-management.js'
import type { FetchLike } from '../api/transport.js'
import { ensureConfigDir } from '../auth/config-dir.js'
import { type Profile, updateConfig } from '../auth/config-file.js'
import { type Credentials, type CredentialStore, FileStore, storeCredentials } from '../auth/credential-store.js'
import { OAuthError, oauthConfig, pollForToken, requestDeviceCode } from '../auth/oauth.js'
import { createClient, emulatorFetch } from '../cli/api-access.js'
import { BaseCommand } from '../cli/base-command.js'
import { CliError, ExitCode, UsageError } from '../cli/cli-error.js'
import { readAll } from '../cli/flag-values.js'
import { registerSecrets } from '../debug.js'

type Workspace = { uuid: string; name: string }

export default class Login extends BaseCommand {
  static summary = 'Sign in (API token, browser device flow, or the local emulator) and remember it for later commands.'
  static description = `With --token, the token is checked against the API (current user and workspace) before anything is stored.
With --oauth, the OAuth device flow: open the printed URL, enter the code, and the CLI stores the access and
refresh tokens (renewed automatically). Credentials go to the OS keyring when one answers, otherwise to a
file readable only by you (credentials.json in the config directory). --profile keeps several sign-ins.
The authorization server is CARGO_AI_AUTH_URL (default: the API origin) with client id CARGO_AI_OAUTH_CLIENT_ID.`
  static examples = [
    '<%= config.bin %> login --oauth',
    '<%= config.bin %> login --token "$CARGO_API_TOKEN" --workspace-uuid 3f2a…',
    'echo "$CARGO_API_TOKEN" | <%= config.bin %> login --token - --profile ci',
    '<%= config.bin %> login --emulator',
  ]
  static flags = {
    token: Flags.string({
      summary: 'Workspace API token (from the Cargo app, Settings > API); - reads it from standard input.',
      description: 'A value on the command line can be kept in shell history and seen in process lists: prefer `--token -` (standard input) or CARGO_AI_TOKEN.',
    }),
    oauth: Flags.boolean({ summary: 'Sign in through the browser (OAuth device flow) instead of with a token.', exclusive: ['token'] }),
    'no-browser': Flags.boolean({ summary: 'With --oauth: print the URL and code without opening a browser.' }),
    'workspace-uuid': Flags.string({ summary: 'Workspace to use by default; sent as selected-workspace-uuid on every call.' }),
    'base-url': Flags.string({ summary: 'API origin to sign in to (default https://api.getcargo.io, or CARGO_AI_BASE_URL).' }),
    emulator: Flags.boolean({
      summary: 'Sign in to the embedded local emulator (no account, no network); later commands run against it.',
      exclusive: ['token', 'oauth', 'base-url'],
    }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Login)
    const session = await this.session(flags.profile)
    const profileName = flags.profile ?? (flags.emulator ? 'emulator' : session.profileName)
    const dir = session.configDir
    const requestedWorkspace = flags['workspace-uuid'] ?? this.factory.env.CARGO_AI_WORKSPACE_UUID

    let credentials: Credentials
    let baseUrl = flags['base-url'] ?? session.baseUrl
    let fetch: FetchLike | undefined
    if (flags.emulator) {
      const { IN_PROCESS_ORIGIN } = await import('../emulator/in-process.js')
      const { SEED } = await import('../emulator/seed.js')
      credentials = { token: SEED.token }
      baseUrl = IN_PROCESS_ORIGIN
      // The emulator's database is the first file written: the directory is made private before it.
      ensureConfigDir(dir, (message) => this.note(message))
      fetch = await emulatorFetch(dir)
    } else if (flags.oauth) {
      credentials = await this.deviceFlow(baseUrl, !flags['no-browser'])
      registerSecrets(credentials.token, credentials.refreshToken)
    } else {
      credentials = { token: await this.tokenFrom(flags.token) }
    }

    const { user, workspace } = await this.identify(createClient(this.access, baseUrl, credentials.token, requestedWorkspace, fetch), requestedWorkspace, Boolean(flags.oauth))

    let store: CredentialStore
    const notify = (message: string) => this.note(message)
    if (flags.emulator) {
      // The emulator's token is a published constant: no secret to protect in a keyring.
      store = new FileStore(dir, notify)
      await store.set(profileName, credentials)
    } else {
      const stored = await storeCredentials(dir, profileName, credentials, this.factory.env, notify)
      store = stored.store
      if (stored.fallbackReason) this.note(`No OS keyring available (${stored.fallbackReason}); the token is stored in ${dir}/credentials.json (mode 0600).`)
    }
    await updateConfig(
      dir,
      (config) => {
        const profile: Profile = { ...config.profiles[profileName], workspaceUuid: workspace.uuid, credentialStore: store.kind, userEmail: user.email }
        if (flags.emulator) Object.assign(profile, { baseUrl, emulator: true })
        else {
          if (profile.emulator) delete profile.baseUrl
          delete profile.emulator
          if (flags['base-url']) profile.baseUrl = flags['base-url']
        }
        config.profiles[profileName] = profile
        config.currentProfile = profileName
      },
      notify,
    )
    await this.print({ profile: profileName, credentialStore: store.kind, baseUrl, user, workspace })
  }

  private async tokenFrom(flag: string | undefined): Promise<string> {
    if (flag === undefined) throw new UsageError('Missing --token: pass an API token (or - to read it from standard input), or use --oauth or --emulator')
    if (flag !== '-' && this.factory.io.stdinIsTTY) {
      this.note('Note: a token on the command line can be kept in shell history and seen in process lists; prefer `--token -` (standard input) or CARGO_AI_TOKEN.')
    }
    const token = flag === '-' ? (await readAll(this.factory.io.stdin)).toString('utf8').trim() : flag
    registerSecrets(token)
    if (!token) throw new UsageError('--token is empty')
    if (/\s/.test(token)) throw new UsageError('--token contains white space; pass the token alone')
    return token
  }

  /** RFC 8628: show the URL and code on stderr, open the browser where a person can see it, poll for the tokens. */
  private async deviceFlow(baseUrl: string, browser: boolean): Promise<Credentials> {
    const { env, io, clock, onInterrupt } = this.factory
    const config = oauthConfig(env, baseUrl)
    try {
      const device = await requestDeviceCode(this.factory.fetch, config)
      const url = device.verification_uri_complete ?? device.verification_uri
      this.note(`To sign in, open ${device.verification_uri} and enter the code ${device.user_code}`)
      const display = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
      if (browser && io.stderrIsTTY && io.stdinIsTTY && !env.CI && display) {
        await import('open').then(({ default: open }) => open(url)).catch(() => this.note('Could not open a browser; open the URL yourself.'))
      }
      this.note('Waiting for approval…')
      const stop = new AbortController()
      const unsubscribe = onInterrupt(() => stop.abort())
      try {
        const tokens = await pollForToken(this.factory.fetch, config, device, { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal), signal: stop.signal })
        return {
          token: tokens.access_token,
          refreshToken: tokens.refresh_token,
          expiresAt: tokens.expires_in === undefined ? undefined : clock.now() + tokens.expires_in * 1000,
        }
      } finally {
        unsubscribe()
      }
    } catch (error) {
      if (error instanceof OAuthError) {
        const exitCode = error.code === 'cancelled' ? ExitCode.interrupted : error.message.startsWith('Could not reach') ? ExitCode.unavailable : ExitCode.auth
        throw new CliError(error.message, exitCode, error.code ? { reason: error.code } : {})
      }
      throw error
    }
  }

  /** The token must work for the user and the workspace before anything is stored. */
  private async identify(client: CargoClient, requestedWorkspace: string | undefined, choose: boolean) {
    try {
      const { user } = await client.call(getCurrentUser, {})
      if (choose) {
        // OAuth sessions belong to a person, who may be in several workspaces.
        const { workspaces } = await client.call(listWorkspaces, {})
        const workspace = await this.chooseWorkspace(workspaces, requestedWorkspace)
        client.options.workspaceUuid = workspace.uuid
        return { user, workspace: (await client.call(getCurrentWorkspace, {})).workspace }
      }
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

  /** --workspace-uuid, else the only one, else ask on a terminal, else fail with the list. */
  private async chooseWorkspace(workspaces: Workspace[], requested: string | undefined): Promise<Workspace> {
    const list = workspaces.map(({ uuid, name }) => ({ uuid, name }))
    if (requested) {
      const found = workspaces.find((workspace) => workspace.uuid === requested)
      if (!found) throw new CliError(`You have no workspace ${requested}`, ExitCode.usage, { workspaces: list })
      return found
    }
    if (workspaces.length === 1) return workspaces[0]
    if (workspaces.length === 0) throw new CliError('This account has no workspace yet; create one in the Cargo app first', ExitCode.failure)
    const { io } = this.factory
    if (!io.stdinIsTTY || !io.stderrIsTTY) {
      throw new CliError('Several workspaces: choose one with --workspace-uuid', ExitCode.usage, { workspaces: list })
    }
    const { createInterface } = await import('node:readline/promises')
    const prompt = createInterface({ input: io.stdin, output: io.stderr })
    try {
      workspaces.forEach((workspace, index) => io.stderr.write(`  ${index + 1}. ${workspace.name} (${workspace.uuid})\n`))
      for (;;) {
        const answer = Number((await prompt.question(`Workspace [1-${workspaces.length}]: `)).trim())
        if (Number.isInteger(answer) && answer >= 1 && answer <= workspaces.length) return workspaces[answer - 1]
      }
    } finally {
      prompt.close()
    }
  }
}
