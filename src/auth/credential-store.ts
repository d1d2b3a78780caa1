import { join } from 'node:path'
import { z } from 'zod'
import { readFileIfExists, writeFileAtomic } from './atomic-file.js'

/** Where a profile's token lives. */
export interface CredentialStore {
  readonly kind: 'keyring' | 'file'
  get(profile: string): Promise<string | undefined>
  set(profile: string, token: string): Promise<void>
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

  async get(profile: string): Promise<string | undefined> {
    const entry = await this.entry(profile)
    return (await entry.getPassword(AbortSignal.timeout(KEYRING_TIMEOUT_MS))) ?? undefined
  }

  async set(profile: string, token: string): Promise<void> {
    const entry = await this.entry(profile)
    await entry.setPassword(token, AbortSignal.timeout(KEYRING_TIMEOUT_MS))
  }

  async delete(profile: string): Promise<boolean> {
    const entry = await this.entry(profile)
    return entry.deleteCredential(AbortSignal.timeout(KEYRING_TIMEOUT_MS))
  }
}

const credentialsSchema = z.record(z.string(), z.looseObject({ token: z.string() }))

/** A 0600 JSON file in the config directory, for machines where no keyring answers. */
export class FileStore implements CredentialStore {
  readonly kind = 'file' as const
  readonly path: string

  constructor(dir: string) {
    this.path = join(dir, 'credentials.json')
  }

  private async read(): Promise<z.infer<typeof credentialsSchema>> {
    const text = await readFileIfExists(this.path)
    if (text === undefined) return {}
    try {
      return credentialsSchema.parse(JSON.parse(text))
    } catch {
      throw new Error(`${this.path} is damaged; remove it and sign in again`)
    }
  }

  async get(profile: string): Promise<string | undefined> {
    return (await this.read())[profile]?.token
  }

  async set(profile: string, token: string): Promise<void> {
    const all = await this.read()
    all[profile] = { token }
    await writeFileAtomic(this.path, `${JSON.stringify(all, null, 2)}\n`, 0o600)
  }

  async delete(profile: string): Promise<boolean> {
    const all = await this.read()
    if (!(profile in all)) return false
    delete all[profile]
    await writeFileAtomic(this.path, `${JSON.stringify(all, null, 2)}\n`, 0o600)
    return true
  }
}

export function keyringDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.CARGO_AI_KEYRING === '0' || env.CARGO_AI_KEYRING === 'off'
}

/**
 * Stores the token in the keyring when one answers, else in the file. Returns the store used and,
 * when it fell back, why.
 */
export async function storeToken(dir: string, profile: string, token: string, env: NodeJS.ProcessEnv): Promise<{ store: CredentialStore; fallbackReason?: string }> {
  const file = new FileStore(dir)
  if (!keyringDisabled(env)) {
    const keyring = new KeyringStore()
    try {
      await keyring.set(profile, token)
      if ((await keyring.get(profile)) === token) {
        await file.delete(profile)
        return { store: keyring }
      }
    } catch (error) {
      await file.set(profile, token)
      return { store: file, fallbackReason: (error as Error).message }
    }
  }
  await file.set(profile, token)
  return { store: file, fallbackReason: keyringDisabled(env) ? 'CARGO_AI_KEYRING is off' : 'the keyring did not keep the token' }
}

export function storeFor(kind: 'keyring' | 'file' | undefined, dir: string): CredentialStore {
  return kind === 'keyring' ? new KeyringStore() : new FileStore(dir)
}
