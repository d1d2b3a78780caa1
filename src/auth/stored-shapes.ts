/**
 * The shapes of the files the CLI keeps (config.json, credentials.json, the keyring secret), checked by
 * hand rather than with zod: these are read by every command, and zod's import alone costs a short
 * command more than its HTTP call. Unknown keys are kept, so a newer CLI's additions survive.
 */

export interface Profile {
  baseUrl?: string
  workspaceUuid?: string
  /** where this profile's token is kept */
  credentialStore?: 'keyring' | 'file'
  userEmail?: string
  /** served by the embedded emulator, in-process (`login --emulator`) */
  emulator?: boolean
  [key: string]: unknown
}

export interface Config {
  currentProfile: string
  profiles: Record<string, Profile>
  [key: string]: unknown
}

/** What is kept for a profile: an API token, or OAuth tokens with their expiry. */
export interface Credentials {
  token: string
  refreshToken?: string
  /** epoch ms at which `token` expires (OAuth access tokens) */
  expiresAt?: number
  [key: string]: unknown
}

type Check = (value: unknown) => boolean
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value)
const isString: Check = (value) => typeof value === 'string'
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function hasFields(value: unknown, fields: Record<string, Check>): value is Record<string, unknown> {
  return isObject(value) && Object.entries(fields).every(([name, check]) => check(value[name]))
}

const profileFields: Record<string, Check> = {
  baseUrl: optional(isString),
  workspaceUuid: optional(isString),
  credentialStore: optional((value) => value === 'keyring' || value === 'file'),
  userEmail: optional(isString),
  emulator: optional((value) => typeof value === 'boolean'),
}

const credentialFields: Record<string, Check> = {
  token: isString,
  refreshToken: optional(isString),
  expiresAt: optional((value) => typeof value === 'number' && Number.isFinite(value)),
}

export function isCredentials(value: unknown): value is Credentials {
  return hasFields(value, credentialFields)
}

/** A config file's content with its defaults filled in, or undefined when it has the wrong shape. */
export function parseConfig(value: unknown): Config | undefined {
  if (!isObject(value)) return undefined
  const { currentProfile = 'default', profiles = {} } = value
  if (!isString(currentProfile) || !isObject(profiles)) return undefined
  if (!Object.values(profiles).every((profile) => hasFields(profile, profileFields))) return undefined
  return { ...value, currentProfile, profiles } as Config
}

/** credentials.json: credentials by profile name, or undefined when it has the wrong shape. */
export function parseCredentialsFile(value: unknown): Record<string, Credentials> | undefined {
  return isObject(value) && Object.values(value).every(isCredentials) ? (value as Record<string, Credentials>) : undefined
}
