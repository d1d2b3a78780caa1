import { open, stat, unlink } from 'node:fs/promises'

const RETRY_MS = 25
const WAIT_MS = 10_000
/** a lock older than this was left by a process that died */
const STALE_MS = 30_000

/**
 * Runs `task` while holding `<path>.lock` (created exclusively), so that read-modify-write cycles of
 * the credentials file by concurrent processes (two logins, a login and a token refresh) do not interleave.
 */
export async function withFileLock<T>(path: string, task: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600)
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0)
      if (age > STALE_MS) await unlink(lock).catch(() => {})
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another cargo-ai process; try again, or remove it if no other process runs`)
      else await new Promise((resolve) => setTimeout(resolve, RETRY_MS + Math.random() * RETRY_MS))
    }
  }
  try {
    return await task()
  } finally {
    await unlink(lock).catch(() => {})
  }
}
