import { DEFAULT_BASE_URL } from '../api/client.js'
import { configDir } from './config-dir.js'
import { type Config, type Profile, readConfig } from './config-file.js'
import { storeFor } from './credential-store.js'

/** What a command needs to talk to the API: where, as whom, in which workspace. */
export interface Session {
  configDir: string
  profileName: string
  profile: Profile
  config: Config
  baseUrl: string
  token?: string
  /** where the token came from */
  tokenSource?: 'env' | 'keyring' | 'file'
  workspaceUuid?: string
  /** requests go to the embedded emulator instead of the network */
  emulator: boolean
}

/** Environment variables win over the stored profile (DESIGN.md, Configuration). */
export async function resolveSession(env: NodeJS.ProcessEnv, profileOverride?: string): Promise<Session> {
  const dir = configDir(env)
  const config = await readConfig(dir)
  const profileName = profileOverride || env.CARGO_AI_PROFILE || config.currentProfile
  const profile = config.profiles[profileName] ?? {}
  // An explicit CARGO_AI_BASE_URL points elsewhere, even from an emulator profile.
  const emulator = Boolean(profile.emulator) && !env.CARGO_AI_BASE_URL
  const baseUrl = env.CARGO_AI_BASE_URL || profile.baseUrl || DEFAULT_BASE_URL
  let token = env.CARGO_AI_TOKEN || undefined
  let tokenSource: Session['tokenSource'] = token ? 'env' : undefined
  if (!token && profile.credentialStore) {
    const store = storeFor(profile.credentialStore, dir)
    try {
      token = await store.get(profileName)
      tokenSource = token ? store.kind : undefined
    } catch {
      token = undefined
    }
  }
  const workspaceUuid = env.CARGO_AI_WORKSPACE_UUID || profile.workspaceUuid
  return { configDir: dir, profileName, profile, config, baseUrl, token, tokenSource, workspaceUuid, emulator }
}
