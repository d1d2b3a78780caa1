import { type Ctx, live } from '../../kernel/context.js'
import { badRequest } from '../../kernel/http.js'
import { contentBytes } from '../content/seed.js'
import type { StoredDoc } from '../../kernel/store.js'
import { type FileDoc, KINDS } from './documents.js'

/**
 * The file tree as the sandbox sees it: the repository's files, plus the workspace's uploaded knowledge files,
 * read-only, under .files/ (their bytes are kept by the content domain: contentBytes in content/seed.ts).
 */

export const UPLOADS_FOLDER = '.files'

/** Paths in code point order, as ls and git list them in the C locale. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export interface TreeFile {
  path: string
  bytes: Buffer
  readOnly: boolean
}

interface UploadedFile extends StoredDoc {
  name: string
  contentType: string
}

/** A path as the API takes it: relative, `/`-separated, no `.` or `..` segments; '' is the root. */
export function normalizePath(path: string | undefined, reason: string): string {
  const trimmed = (path ?? '').replace(/^\.(\/|$)/, '').replace(/^\/+|\/+$/g, '')
  const segments = trimmed === '' ? [] : trimmed.split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) throw badRequest(reason, `Not a path inside the repository: ${path}`)
  return segments.join('/')
}

export function repositoryFiles(ctx: Ctx): FileDoc[] {
  return live<FileDoc>(ctx, KINDS.file)
}

function uploadedFiles(ctx: Ctx): TreeFile[] {
  return live<UploadedFile>(ctx, 'contentFile').map((file) => {
    return { path: `${UPLOADS_FOLDER}/${file.name}`, bytes: contentBytes(ctx.store, file.uuid), readOnly: true }
  })
}

export function treeFiles(ctx: Ctx): TreeFile[] {
  const own = repositoryFiles(ctx).map((file) => ({ path: file.path, bytes: Buffer.from(file.content), readOnly: false }))
  return [...own, ...uploadedFiles(ctx)].sort((a, b) => byPath(a.path, b.path))
}

export function findFile(ctx: Ctx, path: string): TreeFile | undefined {
  return treeFiles(ctx).find((file) => file.path === path)
}

/** Every folder of the tree (the root is ''), from the files' paths. */
export function folders(files: readonly TreeFile[]): Set<string> {
  const found = new Set([''])
  for (const file of files) {
    const parts = file.path.split('/')
    for (let length = 1; length < parts.length; length++) found.add(parts.slice(0, length).join('/'))
  }
  return found
}

export interface Entry {
  name: string
  path: string
  kind: 'file' | 'folder'
}

/** The entries under `folder` down to `depth` levels (-1: every level), folders and files in path order. */
export function entriesUnder(files: readonly TreeFile[], folder: string, depth: number): Entry[] {
  const prefix = folder === '' ? '' : `${folder}/`
  const levelOf = (path: string) => path.slice(prefix.length).split('/').length
  const within = (path: string) => path.startsWith(prefix) && path !== folder && (depth < 0 || levelOf(path) <= depth)
  const entry = (path: string, kind: Entry['kind']): Entry => ({ name: path.split('/').pop() as string, path, kind })
  return [
    ...[...folders(files)].filter((path) => path !== '' && within(path)).map((path) => entry(path, 'folder')),
    ...files.filter((file) => within(file.path)).map((file) => entry(file.path, 'file')),
  ].sort((a, b) => byPath(a.path, b.path))
}

/** The lines of a text: a final newline ends the last line, it does not start another. */
export function linesOf(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}
