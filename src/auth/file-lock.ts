import { randomBytes } from 'node:crypto'
import { open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import { ensureConfigDir } from './config-dir.js'

const RETRY_MS = 25
// long enough for 20 parallel logins on a loaded machine: each holds the lock for a read, an fsync and a rename
const WAIT_MS = 20_000
/** a lock older than this is taken over even when its owner cannot be shown dead (pid reused, another host) */
const STALE_MS = 30_000

/**
 * Runs `task` while holding `<path>.lock` (created exclusively), so that read-modify-write cycles of
 * the credentials file by concurrent processes (two logins, a login and a token refresh) do not interleave.
 * The lock file holds its owner's pid and a nonce: a lock whose process is gone is taken over at once.
 */
export async function withFileLock<T>(path: string, task: () => Promise<T>, notify?: (message: string) => void): Promise<T> {
  const lock = `${path}.lock`
  ensureConfigDir(dirname(lock), notify)
  const owner = `${process.pid} ${randomBytes(8).toString('hex')}\n`
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    if (await tryCreate(lock, owner)) break
    if (await takeOverAbandoned(lock)) continue
    if (Date.now() > deadline) throw new Error(`${lock} is held by another cargo-ai process; try again, or remove it if no other process runs`)
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS + Math.random() * RETRY_MS))
  }
  try {
    return await task()
  } finally {
    // Leave a lock that another process took over (this one outlived STALE_MS) to its new owner.
    if ((await readLock(lock)) === owner) await unlink(lock).catch(() => {})
  }
}

async function tryCreate(lock: string, owner: string): Promise<boolean> {
  let handle
  try {
    handle = await open(lock, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    await handle.writeFile(owner)
  } finally {
    await handle.close()
  }
  return true
}

function readLock(lock: string): Promise<string | undefined> {
  return readFile(lock, 'utf8').catch(() => undefined)
}

/** Whether the process that wrote this lock is gone. Unknown (empty lock being written, unreadable pid) counts as alive. */
export function ownerIsDead(content: string, isAlive: (pid: number) => boolean = processIsAlive): boolean {
  const pid = Number(/^(\d+)\s/.exec(content)?.[1])
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false
  return !isAlive(pid)
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}

/**
 * Removes a lock left by a dead process, or one older than STALE_MS. The lock is first renamed aside, an
 * atomic step only one contender can win, and its content compared with what was judged abandoned: if
 * another process had meanwhile replaced it with a live lock, that one is put back.
 */
async function takeOverAbandoned(lock: string): Promise<boolean> {
  const content = await readLock(lock)
  if (content === undefined) return true // released meanwhile: try again at once
  const age = await stat(lock).then((info) => Date.now() - info.mtimeMs, () => 0)
  if (!ownerIsDead(content) && age <= STALE_MS) return false
  const aside = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`
  try {
    await rename(lock, aside)
  } catch {
    return true // another contender moved it first
  }
  if ((await readLock(aside)) !== content) await rename(aside, lock).catch(() => {})
  else await unlink(aside).catch(() => {})
  return true
}
