import { join } from 'node:path'
import { DEFAULT_BASE_URL } from '../api/client.js'
import type { FetchLike } from '../api/transport.js'
import { registerSecrets } from '../debug.js'
import { configDir } from './config-dir.js'
import { type Config, type Profile, readConfig } from './config-file.js'
import { type Credentials, storeFor } from './credential-store.js'
import { withFileLock } from './file-lock.js'

/** What a command needs to talk to the API: where, as whom, in which workspace. */
export interface Session {
  configDir: string
  profileName: string
  profile: Profile
  config: Config
  baseUrl: string
  token?: string
  /** the stored credentials (absent when the token comes from CARGO_AI_TOKEN) */
  credentials?: Credentials
  /** where the token came from */
  tokenSource?: 'env' | 'keyring' | 'file'
  workspaceUuid?: string
  /** requests go to the embedded emulator instead of the network */
  emulator: boolean
}

/** Environment variables win over the stored profile (DESIGN.md, Configuration). */
export async function resolveSession(env: NodeJS.ProcessEnv, profileOverride?: string, notify: (message: string) => void = () => {}): Promise<Session> {
  const dir = configDir(env)
  const config = await readConfig(dir, notify)
  const profileName = profileOverride || env.CARGO_AI_PROFILE || config.currentProfile
  const profile = config.profiles[profileName] ?? {}
  // An explicit CARGO_AI_BASE_URL points elsewhere, even from an emulator profile.
  const emulator = Boolean(profile.emulator) && !env.CARGO_AI_BASE_URL
  const baseUrl = env.CARGO_AI_BASE_URL || profile.baseUrl || DEFAULT_BASE_URL
  const workspaceUuid = env.CARGO_AI_WORKSPACE_UUID || profile.workspaceUuid
  const session: Session = { configDir: dir, profileName, profile, config, baseUrl, workspaceUuid, emulator }
  if (env.CARGO_AI_TOKEN) {
    registerSecrets(env.CARGO_AI_TOKEN)
    return { ...session, token: env.CARGO_AI_TOKEN, tokenSource: 'env' }
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
      return { ...session, token: credentials.token, credentials, tokenSource: store.kind }
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
