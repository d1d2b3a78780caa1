import { homedir } from 'node:os'
import { join } from 'node:path'

/** CARGO_AI_CONFIG_DIR, else $XDG_CONFIG_HOME/cargo-ai, else ~/.config/cargo-ai. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CARGO_AI_CONFIG_DIR) return env.CARGO_AI_CONFIG_DIR
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'cargo-ai')
  return join(env.HOME || homedir(), '.config', 'cargo-ai')
}
