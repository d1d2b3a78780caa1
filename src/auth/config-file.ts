import { join } from 'node:path'
import { z } from 'zod'
import { readFileIfExists, writeFileAtomic } from './atomic-file.js'
import { ensurePrivate } from './private-file.js'

export const profileSchema = z.looseObject({
  baseUrl: z.string().optional(),
  workspaceUuid: z.string().optional(),
  /** where this profile's token is kept */
  credentialStore: z.enum(['keyring', 'file']).optional(),
  userEmail: z.string().optional(),
  /** served by the embedded emulator, in-process (`login --emulator`) */
  emulator: z.boolean().optional(),
})

export const configSchema = z.looseObject({
  currentProfile: z.string().default('default'),
  profiles: z.record(z.string(), profileSchema).default({}),
})

export type Profile = z.infer<typeof profileSchema>
export type Config = z.infer<typeof configSchema>

export class ConfigFileError extends Error {}

export function configPath(dir: string): string {
  return join(dir, 'config.json')
}

export async function readConfig(dir: string, notify: (message: string) => void = () => {}): Promise<Config> {
  const path = configPath(dir)
  await ensurePrivate(path, notify)
  const text = await readFileIfExists(path)
  if (text === undefined) return configSchema.parse({})
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new ConfigFileError(`${path} is not valid JSON; fix it or remove it and sign in again`)
  }
  const parsed = configSchema.safeParse(raw)
  if (!parsed.success) throw new ConfigFileError(`${path} is not a valid cargo-ai config; fix it or remove it and sign in again`)
  return parsed.data
}

export async function writeConfig(dir: string, config: Config): Promise<void> {
  await writeFileAtomic(configPath(dir), `${JSON.stringify(config, null, 2)}\n`, 0o600)
}
