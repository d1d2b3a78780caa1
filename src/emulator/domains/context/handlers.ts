import * as api from '../../../api/endpoints/context.js'
import { type Ctx, live, lookup, on, save } from '../../kernel/context.js'
import { ApiFailure, badRequest } from '../../kernel/http.js'
import { iso } from '../../kernel/timing.js'
import { type CommitDoc, type FileDoc, fileKey, KINDS, type RepositoryDoc } from './documents.js'
import { buildGraph } from './graph.js'
import { execute } from './sandbox.js'
import { commitSha } from './seed.js'
import { entriesUnder, findFile, folders, linesOf, normalizePath, repositoryFiles, treeFiles, UPLOADS_FOLDER } from './tree.js'

/**
 * The context repository as a versioned file tree: browse and read (the repository's files and, read-only,
 * the uploaded knowledge files under .files/), write and edit (each a commit on the default branch, with its
 * message), run read-only commands (git log shows the history), and the graph of the markdown links.
 */

/** The most a read answers without a line range, and the most a file may hold. */
const MAX_READ_BYTES = 256 * 1024

const fail = (status: number, reason: string, errorMessage: string) => new ApiFailure(status, { reason, errorMessage })

function repositoryOf(ctx: Ctx): RepositoryDoc {
  const [repository] = live<RepositoryDoc>(ctx, KINDS.repository)
  if (!repository) throw fail(404, 'repositoryNotFound', 'The workspace has no context repository.')
  return repository
}

/** Newest first, following the parents from the tip. */
function history(ctx: Ctx): CommitDoc[] {
  const commits = live<CommitDoc>(ctx, KINDS.commit)
  const bySha = new Map(commits.map((doc) => [doc.sha, doc]))
  const parents = new Set(commits.map((doc) => doc.parentSha))
  const chain: CommitDoc[] = []
  for (let doc = commits.find((candidate) => !parents.has(candidate.sha)); doc; doc = doc.parentSha ? bySha.get(doc.parentSha) : undefined) chain.push(doc)
  return chain
}

function writablePath(path: string, reason: string): string {
  const normalized = normalizePath(path, 'invalidBody')
  if (normalized === UPLOADS_FOLDER || normalized.startsWith(`${UPLOADS_FOLDER}/`) || normalized.startsWith('.git/') || normalized === '.git') {
    throw badRequest(reason, `${normalized} is read-only: uploaded files live under ${UPLOADS_FOLDER}/ (change them with content file upload).`)
  }
  return normalized
}

/** Saves the new content of a file as one commit on the default branch. */
function commit(ctx: Ctx, path: string, content: string, message: string): { commit: { sha: string; message: string } } {
  const repository = repositoryOf(ctx)
  const parent = history(ctx)[0]
  const at = iso(ctx.now)
  const sha = commitSha(parent?.sha ?? null, message, { [path]: content }, at)
  const authorEmail = ctx.store.get<{ uuid: string; email?: string }>('user', ctx.userUuid)?.email ?? 'unknown@emulator.local'
  const doc: CommitDoc = { uuid: sha, workspaceUuid: ctx.workspaceUuid, sha, parentSha: parent?.sha ?? null, message, authorEmail, paths: [path], createdAt: at }
  save(ctx, KINDS.commit, doc)
  const file: FileDoc = { uuid: fileKey(ctx.workspaceUuid, path), workspaceUuid: ctx.workspaceUuid, path, content, commitSha: sha, updatedAt: at, deletedAt: null }
  save(ctx, KINDS.file, file)
  save(ctx, KINDS.repository, { ...repository, updatedAt: at })
  return { commit: { sha, message } }
}

function editedContent(content: string, payload: { oldString: string; newString: string; replaceAll?: boolean }): string {
  const count = content.split(payload.oldString).length - 1
  if (count === 0) throw badRequest('stringNotFound')
  if (count > 1 && !payload.replaceAll) throw badRequest('stringNotUnique', `The text to replace occurs ${count} times; pass --replace-all to replace every occurrence.`)
  const edited = content.split(payload.oldString).join(payload.newString)
  if (edited === content) throw badRequest('noOp')
  return edited
}

export const contextHandlers = [
  on(api.getRepository, (ctx) => ({ repository: repositoryOf(ctx) })),
  on(api.browseRuntime, (ctx, payload) => {
    repositoryOf(ctx)
    const depth = payload.depth ?? 1
    if (depth === 0) throw badRequest('invalidQuery', 'depth is 1 or more, or -1 for the whole tree.')
    if (depth < 0 && payload.path) throw badRequest('invalidQuery', 'depth -1 lists the whole tree from the root: leave out path.')
    const path = normalizePath(payload.path, 'invalidQuery')
    const files = treeFiles(ctx)
    if (!folders(files).has(path)) {
      const isFile = files.some((file) => file.path === path)
      throw badRequest(isFile ? 'invalidQuery' : 'pathNotFound', isFile ? `${path} is a file: read it with context runtime read.` : `Nothing exists at ${path}.`)
    }
    return { path, entries: entriesUnder(files, path, depth) }
  }),
  on(api.readRuntimeFile, (ctx, payload) => {
    repositoryOf(ctx)
    const path = normalizePath(payload.path, 'invalidBody')
    const file = findFile(ctx, path)
    if (!file) throw fail(404, 'fileNotFound', `No file exists at ${path}.`)
    const lines = linesOf(file.bytes.toString('utf8'))
    const ranged = payload.startLine !== undefined || payload.endLine !== undefined
    if (!ranged && file.bytes.length > MAX_READ_BYTES) throw badRequest('tooLarge', `${path} holds ${file.bytes.length} bytes; read it by line ranges (--start-line, --end-line).`)
    const startLine = payload.startLine ?? 1
    const endLine = Math.min(payload.endLine ?? lines.length, lines.length)
    if (payload.endLine !== undefined && payload.endLine < startLine) throw badRequest('invalidBody', 'endLine comes before startLine.')
    if (lines.length > 0 && startLine > lines.length) throw badRequest('invalidBody', `${path} has ${lines.length} lines; startLine ${startLine} is past its end.`)
    return { path, content: lines.slice(startLine - 1, endLine).join('\n'), startLine, endLine, totalLines: lines.length }
  }),
  on(api.writeRuntimeFile, (ctx, payload) => {
    const path = writablePath(payload.path, 'deniedPath')
    if (Buffer.byteLength(payload.content) > MAX_READ_BYTES) throw badRequest('failedToWrite', `A context file holds at most ${MAX_READ_BYTES} bytes.`)
    if (folders(treeFiles(ctx)).has(path)) throw badRequest('failedToWrite', `${path} is a folder.`)
    const existed = repositoryFiles(ctx).some((file) => file.path === path)
    return commit(ctx, path, payload.content, payload.commitMessage ?? `${existed ? 'Update' : 'Create'} ${path}`)
  }),
  on(api.editRuntimeFile, (ctx, payload) => {
    const path = writablePath(payload.path, 'deniedPath')
    const file = lookup<FileDoc>(ctx, KINDS.file, fileKey(ctx.workspaceUuid, path))
    if (!file) throw fail(404, 'fileNotFound', `No file exists at ${path}.`)
    return commit(ctx, path, editedContent(file.content, payload), payload.commitMessage ?? `Edit ${path}`)
  }),
  on(api.executeInRuntime, (ctx, payload) => {
    repositoryOf(ctx)
    // read-only: nothing a command does is pushed, so no commit is ever answered
    return execute({ files: treeFiles(ctx), history: history(ctx) }, payload.command, payload.args ?? [])
  }),
  on(api.readRuntimeBytes, (ctx, payload) => {
    repositoryOf(ctx)
    const path = normalizePath(payload.path, 'invalidQuery')
    const file = findFile(ctx, path)
    if (!file) throw fail(404, 'fileNotFound', `No file exists at ${path}.`)
    const type = path.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/octet-stream'
    return new Response(new Uint8Array(file.bytes), { headers: { 'content-type': type } })
  }),
  on(api.getGraph, (ctx) => {
    repositoryOf(ctx)
    return { graph: buildGraph(repositoryFiles(ctx), iso(ctx.now)) }
  }),
]
