/** The workspaceManagement domain of the emulator: workspaces, members, roles, tokens, folders, uploaded files. */
export { workspaceHandlers } from './handlers.js'
export { identityDocs, WORKSPACE_SEED, workspaceDocs } from './seed.js'
