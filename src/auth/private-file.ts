import { constants, lstat, open, stat } from 'node:fs/promises'

/**
 * Config and credentials must be readable by their owner only. A file that is not is repaired (chmod 600)
 * and the user told so, since a secret in it may have been read by others: never silently used.
 * The file is opened without following a symlink and repaired through that handle, so the chmod can only
 * land on the file itself: a symlink (planted, or a dotfiles manager's) is never chmod-ed, only reported
 * when what it points to is readable by others.
 */
export async function ensurePrivate(path: string, notify: (message: string) => void): Promise<void> {
  let handle
  try {
    // O_NONBLOCK: a FIFO in the file's place must not hang the command here
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return
    if (code === 'ELOOP' || (await isSymlink(path))) return reportSymlink(path, notify)
    throw error
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error(`${path} is not a regular file; remove it and sign in again`)
    const mode = info.mode & 0o777
    if ((mode & 0o077) === 0) return
    try {
      await handle.chmod(0o600)
    } catch {
      throw new Error(`${path} is readable by other users (mode ${mode.toString(8)}) and could not be fixed; run: chmod 600 ${path}`)
    }
    notify(`${path} was readable by other users (mode ${mode.toString(8)}); its mode is now 600. If it holds a token, consider revoking that token.`)
  } finally {
    await handle.close()
  }
}

async function isSymlink(path: string): Promise<boolean> {
  return lstat(path).then(
    (info) => info.isSymbolicLink(),
    () => false,
  )
}

async function reportSymlink(path: string, notify: (message: string) => void): Promise<void> {
  const mode = await stat(path).then(
    (info) => info.mode & 0o777,
    () => undefined,
  )
  if (mode === undefined || (mode & 0o077) === 0) return
  notify(`${path} is a symbolic link to a file readable by other users (mode ${mode.toString(8)}); cargo-ai does not change files outside its config directory: make the target private (chmod 600) or replace the link with a file.`)
}
