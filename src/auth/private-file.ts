import { chmod, stat } from 'node:fs/promises'

/**
 * Config and credentials must be readable by their owner only. A file that is not is repaired (chmod 600)
 * and the user told so, since a secret in it may have been read by others: never silently used.
 */
export async function ensurePrivate(path: string, notify: (message: string) => void): Promise<void> {
  let mode: number
  try {
    mode = (await stat(path)).mode & 0o777
  } catch {
    return
  }
  if ((mode & 0o077) === 0) return
  try {
    await chmod(path, 0o600)
    notify(`${path} was readable by other users (mode ${mode.toString(8)}); its mode is now 600. If it holds a token, consider revoking that token.`)
  } catch {
    throw new Error(`${path} is readable by other users (mode ${mode.toString(8)}) and could not be fixed; run: chmod 600 ${path}`)
  }
}
