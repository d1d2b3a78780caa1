import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SourceFile } from '../api/schemas/hosting.js'
import { UsageError } from './cli-error.js'
import { MAX_INPUT_BYTES } from './flag-values.js'

/**
 * The source of `hosting deployment create`: every regular file under a directory, as {path, content} with
 * POSIX paths relative to it, leaving out entries whose name is ignored. The API takes file contents as text,
 * and how it would take binary files is not published, so a file that is not UTF-8 text is refused (exit 2)
 * rather than sent mangled. Symbolic links and other special files are left out (a linked directory could loop).
 */

export const DEFAULT_IGNORED = ['node_modules', 'dist', 'build', '.git', '.next']

const utf8 = new TextDecoder('utf-8', { fatal: true })

export async function readSourceTree(root: string, ignored: readonly string[], flag = 'source'): Promise<SourceFile[]> {
  const rootStats = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`--${flag}: ${error.code === 'ENOENT' ? `no such directory: ${root}` : `cannot read ${root} (${error.code ?? error.message})`}`)
  })
  if (!rootStats.isDirectory()) throw new UsageError(`--${flag}: ${root} is not a directory; give the package root (the folder holding package.json)`)
  const skip = new Set(ignored)
  const files: SourceFile[] = []
  let total = 0
  const walk = async (directory: string, prefix: string): Promise<void> => {
    const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (skip.has(entry.name)) continue
      const path = prefix ? `${prefix}/${entry.name}` : entry.name
      const full = join(directory, entry.name)
      if (entry.isDirectory()) await walk(full, path)
      else if (entry.isFile()) {
        const bytes = await readFile(full)
        total += bytes.length
        if (total > MAX_INPUT_BYTES) throw new UsageError(`--${flag}: ${root} holds more than 256 MiB of source; leave build outputs and data out with --ignore`)
        files.push({ path, content: textOf(bytes, path, flag) })
      }
    }
  }
  await walk(root, '')
  if (files.length === 0) throw new UsageError(`--${flag}: ${root} holds no file to upload (after leaving out ${[...skip].join(', ') || 'nothing'})`)
  return files
}

function textOf(bytes: Buffer, path: string, flag: string): string {
  try {
    return utf8.decode(bytes)
  } catch {
    throw new UsageError(`--${flag}: ${path} is not UTF-8 text; the API takes source files as text, so leave it out with --ignore (names of files or folders)`)
  }
}
