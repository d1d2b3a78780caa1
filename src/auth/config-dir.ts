import { chmodSync, mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** CARGO_AI_CONFIG_DIR, else $XDG_CONFIG_HOME/cargo-ai, else ~/.config/cargo-ai. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CARGO_AI_CONFIG_DIR) return env.CARGO_AI_CONFIG_DIR
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'cargo-ai')
  return join(env.HOME || homedir(), '.config', 'cargo-ai')
}

/** The config directory cannot hold secrets safely: not a directory, or someone else's and writable by others. */
export class ConfigDirError extends Error {}

/**
 * The one gate in front of the config directory, for every writer (locks, atomic writes, the emulator's
 * database) and, with `create: false`, every reader. Creates it when missing (mode 0700, parents
 * included; `recursive` makes concurrent creations by parallel processes harmless). A directory that
 * others can write to lets them plant a config (a base URL of theirs) or swap a file for a symlink:
 * ours is repaired to 0700 with a notice, someone else's is refused. Synchronous: a few system calls,
 * callable from constructors. Returns whether the directory exists.
 */
export function ensureConfigDir(dir: string, notify: (message: string) => void = () => {}, { create = true }: { create?: boolean } = {}): boolean {
  if (create) mkdirSync(dir, { recursive: true, mode: 0o700 })
  let info
  try {
    info = statSync(dir)
  } catch (error) {
    if (!create && (error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  if (!info.isDirectory()) throw new ConfigDirError(`The config directory ${dir} is not a directory; set CARGO_AI_CONFIG_DIR to a directory of yours`)
  const mode = info.mode & 0o7777
  // POSIX modes only: on Windows every directory reports itself writable by all.
  if ((mode & 0o022) === 0 || process.platform === 'win32') return true
  if (info.uid !== process.getuid?.()) {
    throw new ConfigDirError(
      `The config directory ${dir} belongs to another user and others can write to it (mode ${mode.toString(8)}); use a directory of your own (CARGO_AI_CONFIG_DIR)`,
    )
  }
  // The sticky bit marks a directory shared on purpose (/tmp): closing it would break its other users.
  if (mode & 0o1000) {
    throw new ConfigDirError(`The config directory ${dir} is shared with other users (mode ${mode.toString(8)}); use a directory of your own (CARGO_AI_CONFIG_DIR)`)
  }
  chmodSync(dir, 0o700)
  notify(`The config directory ${dir} was writable by other users (mode ${mode.toString(8)}); its mode is now 700. Check the files in it.`)
  return true
}
