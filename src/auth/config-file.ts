import { join } from 'node:path'
import { readFileIfExists, writeFileAtomic } from './atomic-file.js'
import { ensureConfigDir } from './config-dir.js'
import { withFileLock } from './file-lock.js'
import { ensurePrivate } from './private-file.js'
import { type Config, parseConfig } from './stored-shapes.js'

export type { Config, Profile } from './stored-shapes.js'

/** A file in the config directory (config.json, credentials.json) that cannot be read as what it should be. */
export class ConfigFileError extends Error {}

export function configPath(dir: string): string {
  return join(dir, 'config.json')
}

export async function readConfig(dir: string, notify: (message: string) => void = () => {}): Promise<Config> {
  const path = configPath(dir)
  if (!ensureConfigDir(dir, notify, { create: false })) return { currentProfile: 'default', profiles: {} }
  await ensurePrivate(path, notify)
  const text = await readFileIfExists(path)
  if (text === undefined) return { currentProfile: 'default', profiles: {} }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new ConfigFileError(`${path} is corrupt (not valid JSON); fix it or remove it and sign in again`)
  }
  const config = parseConfig(raw)
  if (!config) throw new ConfigFileError(`${path} is corrupt (not a valid cargo-ai config); fix it or remove it and sign in again`)
  return config
}

/**
 * Reads, changes and writes config.json while holding its lock, so that concurrent processes (logins into
 * several profiles at once) cannot lose each other's changes. `change` returns false to write nothing.
 */
export function updateConfig(dir: string, change: (config: Config) => boolean | void, notify: (message: string) => void = () => {}): Promise<Config> {
  return withFileLock(configPath(dir), async () => {
    const config = await readConfig(dir, notify)
    if (change(config) !== false) await writeFileAtomic(configPath(dir), `${JSON.stringify(config, null, 2)}\n`, 0o600, notify)
    return config
  }, notify)
}
