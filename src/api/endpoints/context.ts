/**
 * The context endpoints: the workspace's context repository (markdown files in git), the runtime sandbox
 * that browses, reads, writes, edits and runs commands over its files, and the knowledge graph of those files.
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { opt, req } from '../schemas/fields.js'
import { contextCommit, contextEntry, contextGraph, contextRepository } from '../schemas/context.js'

const repositoryNotFound = 'The workspace has no context repository.'
const filePath = (what: string) => req(z.string().min(1), `Path of the file inside the repository${what}, e.g. persona/vp-sales-mid-market.md`)
const commitMessage = opt(z.string().min(1), 'Subject of the commit pushed to the default branch')
const commitResult = z.looseObject({ commit: contextCommit })
const sandboxReasons = { repositoryNotFound, invalidBody: 'The request is not valid.' }

export const getRepository = defineEndpoint({
  name: 'context.getRepository',
  method: 'GET',
  path: '/context/repository',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ repository: contextRepository }),
  reasons: { repositoryNotFound },
})

export const browseRuntime = defineEndpoint({
  name: 'context.browseRuntime',
  method: 'GET',
  path: '/context/runtime',
  payloadIn: 'query',
  payload: z.object({
    path: opt(z.string().min(1), 'Folder inside the repository to list (the root when absent), e.g. persona'),
    depth: opt(
      z.number().int().min(-1),
      'How deep to list: 1 (the default) lists one level; -1 without --path lists the whole tree of the default branch',
    ),
  }),
  result: z.looseObject({ path: z.string(), entries: z.array(contextEntry), truncated: z.boolean().optional() }),
  reasons: {
    repositoryNotFound,
    branchNotFound: "The repository's branch could not be found.",
    pathNotFound: 'Nothing exists at this path.',
    invalidQuery: 'The browse parameters are not valid.',
  },
})

/** A read is a POST with a JSON body; it changes nothing, so it is safe to repeat. */
export const readRuntimeFile = defineEndpoint({
  name: 'context.readRuntimeFile',
  method: 'POST',
  path: '/context/runtime/content',
  payloadIn: 'body',
  payload: z.object({
    path: filePath(''),
    startLine: opt(z.number().int().min(1), 'First line to return (1-based, inclusive)'),
    endLine: opt(z.number().int().min(1), 'Last line to return (inclusive)'),
  }),
  result: z.looseObject({ path: z.string(), content: z.string(), startLine: z.number(), endLine: z.number(), totalLines: z.number() }),
  reasons: { ...sandboxReasons, fileNotFound: 'No file exists at this path.', tooLarge: 'The file is too large to read this way.' },
  idempotent: true,
})

export const writeRuntimeFile = defineEndpoint({
  name: 'context.writeRuntimeFile',
  method: 'PUT',
  path: '/context/runtime/content',
  payloadIn: 'body',
  payload: z.object({
    path: filePath(' to create or overwrite'),
    content: req(z.string(), 'The whole new content of the file'),
    commitMessage,
  }),
  result: commitResult,
  reasons: {
    ...sandboxReasons,
    deniedPath: 'Writing to this path is not allowed (uploaded files under .files/ are read-only).',
    failedToWrite: 'The file could not be written or pushed.',
  },
})

export const editRuntimeFile = defineEndpoint({
  name: 'context.editRuntimeFile',
  method: 'PATCH',
  path: '/context/runtime/content',
  payloadIn: 'body',
  payload: z.object({
    path: filePath(' to edit'),
    oldString: req(z.string().min(1), 'Exact text to replace; it must occur once unless --replace-all'),
    newString: req(z.string(), 'Replacement text ("" deletes the match)'),
    replaceAll: opt(z.boolean(), 'Replace every occurrence instead of requiring exactly one'),
    commitMessage,
  }),
  result: commitResult,
  reasons: {
    ...sandboxReasons,
    deniedPath: 'Editing this path is not allowed (uploaded files under .files/ are read-only).',
    fileNotFound: 'No file exists at this path.',
    stringNotFound: 'The text to replace was not found in the file.',
    stringNotUnique: 'The text to replace occurs more than once; pass --replace-all to replace every occurrence.',
    noOp: 'The edit would not change the file.',
    failedToEdit: 'The edit could not be applied or pushed.',
  },
})

export const executeInRuntime = defineEndpoint({
  name: 'context.executeInRuntime',
  method: 'POST',
  path: '/context/runtime/execute',
  payloadIn: 'body',
  payload: z.object({
    command: req(z.string().min(1), 'Program to run in the sandbox, e.g. grep, ls, cat, pwd'),
    // readonly: a JSON array on the command line, not a comma-separated list (arguments may hold commas)
    args: opt(z.array(z.string()).readonly(), 'Arguments of the program as a JSON array of strings, e.g. ["-r","-l","persona","."]'),
    commitMessage: opt(z.string().min(1), "Subject of the commit if the command's changes are pushed"),
  }),
  result: z.looseObject({ exitCode: z.number(), stdout: z.string(), stderr: z.string(), commit: contextCommit.optional() }),
  reasons: { ...sandboxReasons, readOnly: 'The sandbox is read-only for this command.', failedToExecute: 'The command could not be run.' },
})

/** The raw bytes of one file (a blob download with the usual Cargo headers). */
export const readRuntimeBytes = defineEndpoint({
  name: 'context.readRuntimeBytes',
  method: 'GET',
  path: '/context/runtime/raw',
  payloadIn: 'query',
  payload: z.object({ path: filePath('') }),
  result: z.string(),
  reasons: { repositoryNotFound, fileNotFound: 'No file exists at this path.', tooLarge: 'The file is too large.', invalidQuery: 'The request is not valid.' },
  textResult: true,
})

export const getGraph = defineEndpoint({
  name: 'context.getGraph',
  method: 'GET',
  path: '/context/graph',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ graph: contextGraph }),
  reasons: {
    repositoryNotFound,
    tooManyFiles: 'The repository has too many files to build a graph.',
    fileTooLarge: 'A file in the repository is too large for the graph.',
  },
})
