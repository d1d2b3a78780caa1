import { join } from 'node:path'
import { DEFAULT_BASE_URL } from '../api/client.js'
import type { FetchLike } from '../api/transport.js'
import { registerSecrets } from '../debug.js'
import { configDir } from './config-dir.js'
import { type Config, type Profile, readConfig } from './config-file.js'
import { type Credentials, storeFor } from './credential-store.js'
import { withFileLock } from './file-lock.js'

import { BASE_URL_VARIABLES, TOKEN_VARIABLES, WORKSPACE_VARIABLES } from './environment-variables.js'

export { BASE_URL_VARIABLES, TOKEN_VARIABLES, WORKSPACE_VARIABLES }

export type TokenVariable = (typeof TOKEN_VARIABLES)[number]
export type BaseUrlVariable = (typeof BASE_URL_VARIABLES)[number]
export type WorkspaceVariable = (typeof WORKSPACE_VARIABLES)[number]

/** The first of `names` that is set to something in the environment (an empty variable counts as unset). */
export function fromEnvironment<Name extends string>(env: NodeJS.ProcessEnv, names: readonly Name[]): { name: Name; value: string } | undefined {
  const name = names.find((candidate) => env[candidate])
  return name === undefined ? undefined : { name, value: env[name] as string }
}

/** After a login or logout: a token variable still set wins over the stored sign-in, which is easy to forget. */
export function environmentTokenNotice(env: NodeJS.ProcessEnv): string | undefined {
  const variable = fromEnvironment(env, TOKEN_VARIABLES)
  return variable && `${variable.name} is set in this environment: commands keep using its token, not the stored sign-in (unless given --profile).`
}

/** Which variable or store supplied each part of a session (whoami and error messages name it). */
export interface SessionSources {
  /** a variable name, or the store the profile's credentials are in */
  token?: TokenVariable | 'keyring' | 'file'
  baseUrl: BaseUrlVariable | 'profile' | 'default'
  /** absent: none is sent, and the token's own workspace is used */
  workspaceUuid?: WorkspaceVariable | 'profile'
}

/** What a command needs to talk to the API: where, as whom, in which workspace. */
export interface Session {
  configDir: string
  profileName: string
  profile: Profile
  config: Config
  baseUrl: string
  token?: string
  /** the stored credentials (absent when the token comes from the environment) */
  credentials?: Credentials
  /** where the token came from, as a kind; `sources.token` names the variable */
  tokenSource?: 'env' | 'keyring' | 'file'
  sources: SessionSources
  /** a token variable that is set but not used, because --profile was given on the command line */
  unusedTokenVariable?: TokenVariable
  workspaceUuid?: string
  /** requests go to the embedded emulator instead of the network */
  emulator: boolean
}

/**
 * One precedence, for every command and the fast path:
 * - token: CARGO_AI_TOKEN, CARGO_API_TOKEN, CARGO_API_KEY, then the profile's stored credentials;
 * - workspace: CARGO_AI_WORKSPACE_UUID, CARGO_WORKSPACE_UUID, then the profile's;
 * - base URL: CARGO_AI_BASE_URL, CARGO_BASE_URL, then the profile's, then the default.
 * A `--profile` given on the command line (`profileFlag`) is a choice made for this very command: it
 * selects that profile's stored token and workspace over any inherited from the environment (an
 * inherited token must not silently stand in for the sign-in asked for). The base URL variables still
 * apply: they say where the API is, not who is calling. CARGO_AI_PROFILE is the environment, and
 * yields to the token variables.
 */
export async function resolveSession(env: NodeJS.ProcessEnv, profileFlag?: string, notify: (message: string) => void = () => {}): Promise<Session> {
  const dir = configDir(env)
  const config = await readConfig(dir, notify)
  const profileName = profileFlag || env.CARGO_AI_PROFILE || config.currentProfile
  const profile = config.profiles[profileName] ?? {}
  const baseUrlVariable = fromEnvironment(env, BASE_URL_VARIABLES)
  // A base URL from the environment points elsewhere, even from an emulator profile.
  const emulator = Boolean(profile.emulator) && !baseUrlVariable
  const baseUrl = baseUrlVariable?.value || profile.baseUrl || DEFAULT_BASE_URL
  const identityFromEnvironment = !profileFlag
  const workspaceVariable = identityFromEnvironment ? fromEnvironment(env, WORKSPACE_VARIABLES) : undefined
  const workspaceUuid = workspaceVariable?.value || profile.workspaceUuid
  const sources: SessionSources = {
    baseUrl: baseUrlVariable?.name ?? (profile.baseUrl ? 'profile' : 'default'),
    workspaceUuid: workspaceVariable?.name ?? (profile.workspaceUuid ? 'profile' : undefined),
  }
  const session: Session = { configDir: dir, profileName, profile, config, baseUrl, workspaceUuid, emulator, sources }
  const tokenVariable = fromEnvironment(env, TOKEN_VARIABLES)
  if (tokenVariable && !identityFromEnvironment) session.unusedTokenVariable = tokenVariable.name
  else if (tokenVariable) {
    registerSecrets(tokenVariable.value)
    return { ...session, token: tokenVariable.value, tokenSource: 'env', sources: { ...sources, token: tokenVariable.name } }
  }
  if (profile.credentialStore) {
    const store = storeFor(profile.credentialStore, dir, notify)
    // A keyring that does not answer means no stored token; a damaged credentials file is reported as such.
    const credentials = await store.get(profileName).catch((error: unknown) => {
      if (store.kind === 'keyring') return undefined
      throw error
    })
    if (credentials) {
      registerSecrets(credentials.token, credentials.refreshToken)
      return { ...session, token: credentials.token, credentials, tokenSource: store.kind, sources: { ...sources, token: store.kind } }
    }
  }
  return session
}

/** Renew a little before the expiry, so that a request does not leave with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000

export function tokenExpiring(credentials: Credentials | undefined, now = Date.now()): boolean {
  return credentials?.expiresAt !== undefined && credentials.expiresAt - EXPIRY_MARGIN_MS <= now
}

export class SessionExpiredError extends Error {}

/**
 * Renews an OAuth session's access token with its refresh token and stores the result. Concurrent
 * processes serialize on a lock and re-read the credentials first, so only one of them spends the
 * refresh token and the others pick up its result. Returns undefined for sessions that cannot renew.
 */
export async function renewToken(session: Session, fetch: FetchLike, env: NodeJS.ProcessEnv, notify: (message: string) => void): Promise<string | undefined> {
  if (!session.credentials?.refreshToken || !session.profile.credentialStore) return undefined
  const store = storeFor(session.profile.credentialStore, session.configDir, notify)
  return withFileLock(join(session.configDir, 'token-refresh'), async () => {
    const current = (await store.get(session.profileName)) ?? session.credentials
    if (current && current.token !== session.token && !tokenExpiring(current)) return adopt(session, current)
    if (!current?.refreshToken) return undefined
    // loaded here: only OAuth sessions renew, and its zod schemas would slow every other command's start
    const { OAuthError, oauthConfig, refreshTokens } = await import('./oauth.js')
    let tokens
    try {
      tokens = await refreshTokens(fetch, oauthConfig(env, session.baseUrl), current.refreshToken)
    } catch (error) {
      const reason = error instanceof OAuthError ? error.message : String(error)
      throw new SessionExpiredError(`${reason}. Sign in again with: cargo-ai login --oauth${session.profileName === 'default' ? '' : ` --profile ${session.profileName}`}`)
    }
    const renewed: Credentials = {
      token: tokens.access_token,
      refreshToken: tokens.refresh_token ?? current.refreshToken,
      expiresAt: tokens.expires_in === undefined ? undefined : Date.now() + tokens.expires_in * 1000,
    }
    await store.set(session.profileName, renewed)
    return adopt(session, renewed)
  }, notify)
}

function adopt(session: Session, credentials: Credentials): string {
  registerSecrets(credentials.token, credentials.refreshToken)
  session.credentials = credentials
  session.token = credentials.token
  return credentials.token
}
