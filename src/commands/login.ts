import * as Flags from '@oclif/core/flags'
import { type CargoClient, DEFAULT_BASE_URL } from '../api/client.js'
import { ApiError } from '../api/errors.js'
import { getCurrentUser } from '../api/endpoints/user-management.js'
import { getCurrentWorkspace, listWorkspaces } from '../api/endpoints/workspace-management.js'
import type { FetchLike } from '../api/transport.js'
import { ensureConfigDir } from '../auth/config-dir.js'
import { type Profile, updateConfig } from '../auth/config-file.js'
import { type Credentials, type CredentialStore, FileStore, storeCredentials } from '../auth/credential-store.js'
import { exchangeEmailCode, isEmailAddress, requestEmailCode } from '../auth/email-sign-in.js'
import { OAuthError, type OAuthConfig, oauthConfig, pollForToken, requestDeviceCode, type TokenSet } from '../auth/oauth.js'
import { BASE_URL_VARIABLES, environmentTokenNotice, fromEnvironment, type Session, WORKSPACE_VARIABLES } from '../auth/session.js'
import { checkConnectionSettings, checkUrl, type ClientTarget, createClient, emulatorFetch } from '../cli/api-access.js'
import { BaseCommand } from '../cli/base-command.js'
import { uuidFlag } from '../cli/uuid-flag.js'
import { CliError, ExitCode, UsageError } from '../cli/cli-error.js'
import { readAll } from '../cli/flag-values.js'
import { escapeControlCharacters } from '../cli/output.js'
import { registerSecrets } from '../debug.js'

type Workspace = { uuid: string; name: string }
/** How the workspace is picked once signed in: a uuid, a name, or (OAuth) among the person's workspaces. */
type WorkspaceChoice = { uuid?: string; name?: string; choose: boolean }

export default class Login extends BaseCommand {
  static summary = 'Sign in (emailed one-time code, browser device flow, API token, or the local emulator) and remember it for later commands.'
  static description = [
    'With --email, a one-time code is sent to the address. Without a terminal the command stops there and prints {"codeSent": true, ...}: run it again with --code (or --code - to read the code from standard input) to finish. On a terminal it asks for the code. The first sign-in of an address creates its account and a workspace (named by --workspace-name); later ones reuse it, and a new --workspace-name adds a workspace.',
    'With --token, the token is checked against the API (current user and workspace) before anything is stored. With --oauth, the OAuth device flow: open the printed URL, enter the code, and the CLI stores the access and refresh tokens (renewed automatically).',
    'Credentials go to the OS keyring when one answers, otherwise to a file readable only by you (credentials.json in the config directory). --profile keeps several sign-ins; without it, a real sign-in made while the emulator profile is current goes to the profile "default".',
    "The API is --base-url, else CARGO_AI_BASE_URL or CARGO_BASE_URL, else the profile's address (never the embedded emulator's: that is --emulator), else https://api.getcargo.io. The email and OAuth sign-ins talk to CARGO_AI_AUTH_URL (default: the API origin) as client CARGO_AI_OAUTH_CLIENT_ID: the original CLI's endpoints for them are not public, so these are ours (see the README).",
  ].join('\n\n')
  static usage = [
    'login --email <address> [--code <code>|-] [--workspace-name <name>]',
    'login --oauth [--no-browser] [--workspace-uuid <uuid> | --workspace-name <name>]',
    'login --token <token>|- [--workspace-uuid <uuid>]',
    'login --emulator',
  ]
  static examples = [
    '<%= config.bin %> login --email you@company.com',
    '<%= config.bin %> login --email you@company.com --code 123456',
    'echo 123456 | <%= config.bin %> login --email you@company.com --code -',
    '<%= config.bin %> login --email you@company.com --workspace-name "Acme GTM"',
    '<%= config.bin %> login --oauth',
    '<%= config.bin %> login --token "$CARGO_API_TOKEN" --workspace-uuid <workspace-uuid>',
    'echo "$CARGO_API_TOKEN" | <%= config.bin %> login --token - --profile ci',
    '<%= config.bin %> login --emulator',
  ]
  static flags = {
    email: Flags.string({
      summary: 'Sign in with a one-time code sent to this address (creates the account and a workspace on first use).',
      exclusive: ['token', 'oauth', 'emulator', 'workspace-uuid'],
    }),
    code: Flags.string({ summary: 'With --email: the code you received; - reads it from standard input.', dependsOn: ['email'] }),
    token: Flags.string({
      summary: 'Workspace API token (from the Cargo app, Settings > API); - reads it from standard input.',
      description: 'A value on the command line can be kept in shell history and seen in process lists: prefer `--token -` (standard input) or CARGO_AI_TOKEN.',
    }),
    oauth: Flags.boolean({ summary: 'Sign in through the browser (OAuth device flow) instead of with a token.', exclusive: ['token'] }),
    'no-browser': Flags.boolean({ summary: 'With --oauth: print the URL and code without opening a browser.' }),
    'workspace-name': Flags.string({
      summary: 'Workspace by name: with --email a new name creates it and a known one is reused; with --oauth, one of yours.',
      exclusive: ['token', 'emulator', 'workspace-uuid'],
    }),
    'workspace-uuid': uuidFlag('workspace-uuid', { summary: 'Workspace to use by default; sent as selected-workspace-uuid on every call.' }),
    'base-url': Flags.string({ summary: 'API origin to sign in to (default https://api.getcargo.io, or CARGO_AI_BASE_URL / CARGO_BASE_URL).' }),
    emulator: Flags.boolean({
      summary: 'Sign in to the embedded local emulator (no account, no network); later commands run against it.',
      exclusive: ['token', 'oauth', 'base-url'],
    }),
  }

  async run(): Promise<void> {
    const { flags } = await this.parseArgv(Login)
    const session = await this.session(flags.profile)
    const { env } = this.factory
    const dir = session.configDir
    // Signing in for real while an emulator profile is current goes to the default profile: the emulator's stays.
    const profileName = flags.profile ?? (flags.emulator ? 'emulator' : session.profile.emulator ? 'default' : session.profileName)

    let credentials: Credentials
    let target: ClientTarget
    let fetch: FetchLike | undefined
    let workspace: WorkspaceChoice
    if (flags.emulator) {
      const { IN_PROCESS_ORIGIN } = await import('../emulator/in-process.js')
      const { SEED } = await import('../emulator/kernel/seeded.js')
      credentials = { token: SEED.token }
      target = { baseUrl: IN_PROCESS_ORIGIN }
      workspace = { uuid: this.workspaceFromFlagOrEnvironment(flags['workspace-uuid']), choose: false }
      // The emulator's database is the first file written: the directory is made private before it.
      ensureConfigDir(dir, (message) => this.note(message))
      fetch = await emulatorFetch(dir)
    } else {
      target = this.apiFor(flags['base-url'], session, profileName)
      // every local check before the first request, the authorization server's included
      checkConnectionSettings(env, target.baseUrl, target.baseUrlName)
      if (flags.email !== undefined) {
        const signedIn = await this.emailSignIn(this.authServer(target), flags.email, flags.code, flags['workspace-name'])
        if (!signedIn) return
        credentials = credentialsOf(signedIn, this.factory.clock.now())
        registerSecrets(credentials.token, credentials.refreshToken)
        workspace = { uuid: signedIn.workspace_uuid, name: flags['workspace-name'], choose: !signedIn.workspace_uuid }
      } else if (flags.oauth) {
        credentials = credentialsOf(await this.deviceFlow(this.authServer(target), !flags['no-browser']), this.factory.clock.now())
        registerSecrets(credentials.token, credentials.refreshToken)
        workspace = { uuid: this.workspaceFromFlagOrEnvironment(flags['workspace-uuid']), name: flags['workspace-name'], choose: true }
      } else {
        credentials = { token: await this.tokenFrom(flags.token) }
        workspace = { uuid: this.workspaceFromFlagOrEnvironment(flags['workspace-uuid']), choose: false }
      }
    }

    const client = createClient(this.access, { ...target, token: credentials.token, workspaceUuid: workspace.uuid, fetch })
    const identity = await this.identify(client, workspace)

    let store: CredentialStore
    const notify = (message: string) => this.note(message)
    if (flags.emulator) {
      // The emulator's token is a published constant: no secret to protect in a keyring.
      store = new FileStore(dir, notify)
      await store.set(profileName, credentials)
    } else {
      const stored = await storeCredentials(dir, profileName, credentials, env, notify)
      store = stored.store
      if (stored.fallbackReason) this.note(`No OS keyring available (${stored.fallbackReason}); the token is stored in ${dir}/credentials.json (mode 0600).`)
    }
    await updateConfig(
      dir,
      (config) => {
        const profile: Profile = { ...config.profiles[profileName], workspaceUuid: identity.workspace.uuid, credentialStore: store.kind, userEmail: identity.user.email }
        if (flags.emulator) Object.assign(profile, { baseUrl: target.baseUrl, emulator: true })
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
    const shadowing = environmentTokenNotice(env)
    if (shadowing) this.note(shadowing)
    await this.print({ profile: profileName, credentialStore: store.kind, baseUrl: target.baseUrl, ...identity })
  }

  /**
   * The API a real sign-in checks its credentials against: --base-url, the base URL variables, the stored
   * address of the profile being signed in to, the default. An emulator profile's address is never used:
   * being signed in to the emulator says nothing about where a real token belongs.
   */
  private apiFor(flag: string | undefined, session: Session, profileName: string): ClientTarget {
    if (flag !== undefined) return { baseUrl: flag, baseUrlName: '--base-url' }
    const variable = fromEnvironment(this.factory.env, BASE_URL_VARIABLES)
    if (variable) return { baseUrl: variable.value, baseUrlName: variable.name }
    const profile = session.config.profiles[profileName]
    return { baseUrl: profile && !profile.emulator && profile.baseUrl ? profile.baseUrl : DEFAULT_BASE_URL }
  }

  /** The OAuth and email sign-in server, checked like the API's address (exit 2 naming the setting). */
  private authServer(target: ClientTarget): OAuthConfig {
    const config = oauthConfig(this.factory.env, target.baseUrl)
    checkUrl(config.authUrl, this.factory.env.CARGO_AI_AUTH_URL ? 'CARGO_AI_AUTH_URL' : (target.baseUrlName ?? 'base URL'))
    return config
  }

  private workspaceFromFlagOrEnvironment(flag: string | undefined): string | undefined {
    return flag ?? fromEnvironment(this.factory.env, WORKSPACE_VARIABLES)?.value
  }

  private async tokenFrom(flag: string | undefined): Promise<string> {
    if (flag === undefined) throw new UsageError('Missing --token: pass an API token (or - to read it from standard input), or use --email, --oauth or --emulator')
    if (flag !== '-' && this.factory.io.stdinIsTTY) {
      this.note('Note: a token on the command line can be kept in shell history and seen in process lists; prefer `--token -` (standard input) or CARGO_AI_TOKEN.')
    }
    return this.secretFrom('--token', flag)
  }

  /** A token or code: the flag's value, or standard input for `-`; one word, not empty. */
  private async secretFrom(name: string, flag: string): Promise<string> {
    const value = flag === '-' ? (await readAll(this.factory.io.stdin)).toString('utf8').trim() : flag
    registerSecrets(value)
    if (!value) throw new UsageError(`${name} is empty`)
    if (/\s/.test(value)) throw new UsageError(`${name} contains white space; pass the ${name.slice(2)} alone`)
    return value
  }

  /**
   * The email one-time code: without --code, ask the server to send one; then, on a terminal, ask for it,
   * else print that it was sent and stop (undefined). With --code (or after the prompt), trade it for tokens.
   */
  private async emailSignIn(config: OAuthConfig, address: string, codeFlag: string | undefined, workspaceName: string | undefined) {
    const email = address.trim()
    if (!isEmailAddress(email)) throw new UsageError(`--email: expected an email address such as you@company.com, got ${JSON.stringify(address)}`)
    if (workspaceName !== undefined && !workspaceName.trim()) throw new UsageError('--workspace-name is empty')
    let code = codeFlag === undefined ? undefined : await this.secretFrom('--code', codeFlag)
    const { io } = this.factory
    try {
      if (code === undefined) {
        const sent = await requestEmailCode(this.factory.fetch, config, email, workspaceName)
        if (!io.stdinIsTTY || !io.stderrIsTTY) {
          this.note(`A sign-in code was sent to ${email}. Finish with: cargo-ai login --email ${email} --code <code> (or --code - to read it from standard input)`)
          await this.print({ codeSent: true, email, ...(sent.expiresIn === undefined ? {} : { expiresIn: sent.expiresIn }) })
          return undefined
        }
        code = await this.askForCode(email)
      }
      return await exchangeEmailCode(this.factory.fetch, config, { email, code, workspaceName })
    } catch (error) {
      throw signInFailure(error)
    }
  }

  private async askForCode(email: string): Promise<string> {
    const { io } = this.factory
    const { createInterface } = await import('node:readline/promises')
    const prompt = createInterface({ input: io.stdin, output: io.stderr })
    try {
      const answer = (await prompt.question(`Code sent to ${escapeControlCharacters(email)}: `)).trim()
      if (!answer) throw new UsageError('No code entered')
      registerSecrets(answer)
      return answer
    } finally {
      prompt.close()
    }
  }

  /** RFC 8628: show the URL and code on stderr, open the browser where a person can see it, poll for the tokens. */
  private async deviceFlow(config: OAuthConfig, browser: boolean): Promise<TokenSet> {
    const { env, io, clock, onInterrupt } = this.factory
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
        return await pollForToken(this.factory.fetch, config, device, { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal), signal: stop.signal })
      } finally {
        unsubscribe()
      }
    } catch (error) {
      throw signInFailure(error)
    }
  }

  /** The token must work for the user and the workspace before anything is stored. */
  private async identify(client: CargoClient, choice: WorkspaceChoice) {
    try {
      const { user } = await client.call(getCurrentUser, {})
      if (choice.choose) {
        // OAuth sessions belong to a person, who may be in several workspaces.
        const { workspaces } = await client.call(listWorkspaces, {})
        const workspace = await this.chooseWorkspace(workspaces, choice)
        client.options.workspaceUuid = workspace.uuid
        return { user, workspace: (await client.call(getCurrentWorkspace, {})).workspace }
      }
      const { workspace } = await client.call(getCurrentWorkspace, {})
      return { user, workspace }
    } catch (error) {
      if (error instanceof ApiError && (error.kind === 'authorization' || error.status === 403)) {
        throw new CliError(`The API refused this token${choice.uuid ? ` for workspace ${choice.uuid}` : ''}: ${error.message}`, ExitCode.auth, {
          status: error.status,
        })
      }
      throw error
    }
  }

  /** --workspace-uuid or --workspace-name, else the only one, else ask on a terminal, else fail with the list. */
  private async chooseWorkspace(workspaces: Workspace[], choice: WorkspaceChoice): Promise<Workspace> {
    const list = workspaces.map(({ uuid, name }) => ({ uuid, name }))
    if (choice.uuid || choice.name) {
      const found = workspaces.find((workspace) => (choice.uuid ? workspace.uuid === choice.uuid : workspace.name === choice.name))
      if (!found) throw new CliError(choice.uuid ? `You have no workspace ${choice.uuid}` : `You have no workspace named ${JSON.stringify(choice.name)}`, ExitCode.usage, { workspaces: list })
      return found
    }
    if (workspaces.length === 1) return workspaces[0]
    if (workspaces.length === 0) throw new CliError('This account has no workspace yet; create one in the Cargo app first', ExitCode.failure)
    const { io } = this.factory
    if (!io.stdinIsTTY || !io.stderrIsTTY) {
      throw new CliError('Several workspaces: choose one with --workspace-uuid or --workspace-name', ExitCode.usage, { workspaces: list })
    }
    const { createInterface } = await import('node:readline/promises')
    const prompt = createInterface({ input: io.stdin, output: io.stderr })
    try {
      // names are API data: shown with their control characters escaped
      workspaces.forEach((workspace, index) => io.stderr.write(`  ${index + 1}. ${escapeControlCharacters(`${workspace.name} (${workspace.uuid})`)}\n`))
      for (;;) {
        const answer = Number((await prompt.question(`Workspace [1-${workspaces.length}]: `)).trim())
        if (Number.isInteger(answer) && answer >= 1 && answer <= workspaces.length) return workspaces[answer - 1]
      }
    } finally {
      prompt.close()
    }
  }
}

function credentialsOf(tokens: TokenSet, now: number): Credentials {
  return {
    token: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: tokens.expires_in === undefined ? undefined : now + tokens.expires_in * 1000,
  }
}

/** A refused or failed sign-in: exit 3, except an unreachable server (4) and Ctrl-C (130). */
function signInFailure(error: unknown): unknown {
  if (!(error instanceof OAuthError)) return error
  const exitCode = error.code === 'cancelled' ? ExitCode.interrupted : error.message.startsWith('Could not reach') ? ExitCode.unavailable : ExitCode.auth
  return new CliError(error.message, exitCode, error.code ? { reason: error.code } : {})
}
