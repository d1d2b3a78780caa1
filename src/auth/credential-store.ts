import { join } from 'node:path'
import { readFileIfExists, writeFileAtomic } from './atomic-file.js'
import { ConfigFileError } from './config-file.js'
import { withFileLock } from './file-lock.js'
import { ensurePrivate } from './private-file.js'
import { type Credentials, isCredentials, parseCredentialsFile } from './stored-shapes.js'

export type { Credentials } from './stored-shapes.js'

/** Where a profile's credentials live. */
export interface CredentialStore {
  readonly kind: 'keyring' | 'file'
  get(profile: string): Promise<Credentials | undefined>
  set(profile: string, credentials: Credentials): Promise<void>
  delete(profile: string): Promise<boolean>
}

const KEYRING_SERVICE = 'cargo-ai'
const KEYRING_TIMEOUT_MS = 3000

/** The OS keyring through @napi-rs/keyring, loaded only when used; every call is bounded so a hung secret service cannot hang the CLI. */
export class KeyringStore implements CredentialStore {
  readonly kind = 'keyring' as const

  private async entry(profile: string) {
    const { AsyncEntry } = await import('@napi-rs/keyring')
    return new AsyncEntry(KEYRING_SERVICE, profile)
  }

  async get(profile: string): Promise<Credentials | undefined> {
    const entry = await this.entry(profile)
    const secret = await entry.getPassword(AbortSignal.timeout(KEYRING_TIMEOUT_MS))
    if (!secret) return undefined
    try {
      const parsed: unknown = JSON.parse(secret)
      if (isCredentials(parsed)) return parsed
    } catch {
      // a bare token, as older versions stored it
    }
    return { token: secret }
  }

  async set(profile: string, credentials: Credentials): Promise<void> {
    const entry = await this.entry(profile)
    await entry.setPassword(JSON.stringify(credentials), AbortSignal.timeout(KEYRING_TIMEOUT_MS))
  }

  async delete(profile: string): Promise<boolean> {
    const entry = await this.entry(profile)
    return entry.deleteCredential(AbortSignal.timeout(KEYRING_TIMEOUT_MS))
  }
}

/** A 0600 JSON file in the config directory, for machines where no keyring answers. Writes hold a lock. */
export class FileStore implements CredentialStore {
  readonly kind = 'file' as const
  readonly path: string

  constructor(
    dir: string,
    private readonly notify: (message: string) => void = () => {},
  ) {
    this.path = join(dir, 'credentials.json')
  }

  private async read(): Promise<Record<string, Credentials>> {
    await ensurePrivate(this.path, this.notify)
    const text = await readFileIfExists(this.path)
    if (text === undefined) return {}
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw new ConfigFileError(`${this.path} is corrupt (not valid JSON); remove it and sign in again`)
    }
    const all = parseCredentialsFile(raw)
    if (!all) throw new ConfigFileError(`${this.path} is corrupt (not valid cargo-ai credentials); remove it and sign in again`)
    return all
  }

  private update(change: (all: Record<string, Credentials>) => boolean): Promise<boolean> {
    return withFileLock(this.path, async () => {
      const all = await this.read()
      const changed = change(all)
      if (changed) await writeFileAtomic(this.path, `${JSON.stringify(all, null, 2)}\n`, 0o600, this.notify)
      return changed
    }, this.notify)
  }

  async get(profile: string): Promise<Credentials | undefined> {
    return (await this.read())[profile]
  }

  async set(profile: string, credentials: Credentials): Promise<void> {
    await this.update((all) => {
      all[profile] = credentials
      return true
    })
  }

  async delete(profile: string): Promise<boolean> {
    // no file, nothing to forget: taking the lock would create the config directory for nothing
    if ((await readFileIfExists(this.path)) === undefined) return false
    return this.update((all) => {
      if (!(profile in all)) return false
      delete all[profile]
      return true
    })
  }
}

export function keyringDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.CARGO_AI_KEYRING === '0' || env.CARGO_AI_KEYRING === 'off'
}

/**
 * Stores the credentials in the keyring when one answers, else in the file. Returns the store used and,
 * when it fell back, why.
 */
export async function storeCredentials(
  dir: string,
  profile: string,
  credentials: Credentials,
  env: NodeJS.ProcessEnv,
  notify: (message: string) => void = () => {},
): Promise<{ store: CredentialStore; fallbackReason?: string }> {
  const file = new FileStore(dir, notify)
  if (!keyringDisabled(env)) {
    const keyring = new KeyringStore()
    try {
      await keyring.set(profile, credentials)
      if ((await keyring.get(profile))?.token === credentials.token) {
        await file.delete(profile)
        return { store: keyring }
      }
    } catch (error) {
      await file.set(profile, credentials)
      return { store: file, fallbackReason: (error as Error).message }
    }
  }
  await file.set(profile, credentials)
  return { store: file, fallbackReason: keyringDisabled(env) ? 'CARGO_AI_KEYRING is off' : 'the keyring did not keep the token' }
}

export function storeFor(kind: 'keyring' | 'file' | undefined, dir: string, notify?: (message: string) => void): CredentialStore {
  return kind === 'keyring' ? new KeyringStore() : new FileStore(dir, notify)
}

/** Removes a profile's credentials from every place they may be. */
export async function forgetCredentials(dir: string, profile: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  let removed = await new FileStore(dir).delete(profile)
  if (!keyringDisabled(env)) removed = (await new KeyringStore().delete(profile).catch(() => false)) || removed
  return removed
}
