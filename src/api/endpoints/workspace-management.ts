/**
 * The workspaceManagement endpoints (wire.md §18): workspaces, members, roles, tokens, folders, files,
 * reports and sessions, behind the `workspace` commands (spec/commands/workspace.json).
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { isoDate, uuid, voidResult } from '../schemas/common.js'
import { opt, optNull, req } from '../schemas/fields.js'
import {
  fileColumn,
  folder,
  folderKind,
  loginProvider,
  multipartPart,
  permissionAction,
  permissionEffect,
  permissionInput,
  report,
  role,
  session,
  token,
  uploadedFile,
  workspace,
  workspaceMetadata,
  workspaceSyncInput,
  workspaceUser,
} from '../schemas/workspace-management.js'

const none = z.object({})
const workspaceResult = z.looseObject({ workspace })
const tokenResult = z.looseObject({ token })
const folderResult = z.looseObject({ folder })

const metadataField = opt(
  workspaceMetadata,
  'Onboarding answers as JSON: {mainGoal?: string[], salesRepCount?: string, gtmStackList?: string[], referralSource?: string[], dubClickId?: string}',
)
const logoField = (what: string) => `${what} logo image, base64-encoded`
const permissionsDescription =
  'Permissions as a JSON array of {effect: allow|deny, resources: string[] | null, actions: ["storage:read", ...]}, or null to mirror the owning user'
const roleSlugField = (what: string) => req(z.string().min(1), `${what} (a slug from workspaceManagement role list, e.g. admin or member)`)

/** upsert-permission names its users by uuid, by email, or both; never by neither. */
function someUsers(value: { userUuids?: string[]; emails?: string[] }, ctx: z.RefinementCtx) {
  if (!value.userUuids?.length && !value.emails?.length) {
    ctx.addIssue({ code: 'custom', message: 'give userUuids or emails (or both)', path: ['userUuids'] })
  }
}

// ---------------------------------------------------------------------------------------------
// Workspaces

export const getCurrentWorkspace = defineEndpoint({
  name: 'workspaceManagement.getCurrentWorkspace',
  method: 'GET',
  path: '/workspaceManagement/workspaces/current',
  payloadIn: 'none',
  payload: none,
  result: workspaceResult,
  reasons: { workspaceNotFound: 'No workspace matches this UUID.' },
})

/** `workspaceManagement workspace list --refresh` renews the access token first; refresh is never sent (wire.md §8). */
export const listWorkspaces = defineEndpoint({
  name: 'workspaceManagement.listWorkspaces',
  method: 'GET',
  path: '/workspaceManagement/workspaces/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ workspaces: z.array(workspace) }),
  reasons: {},
})

export const createWorkspace = defineEndpoint({
  name: 'workspaceManagement.createWorkspace',
  method: 'POST',
  path: '/workspaceManagement/workspaces',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name of the new workspace'),
    logoBase64: opt(z.string().min(1), logoField('The workspace')),
    metadata: metadataField,
  }),
  result: workspaceResult,
  reasons: {
    userNotFound: 'The signed-in user could not be found.',
    roleNotFound: 'The role for the creator could not be found.',
    failedToScheduleSync: "The workspace's sync schedule could not be set up.",
    systemOfRecordAlreadyUsedByAnotherWorkspace: 'This system of record is already connected to another workspace.',
    cannotSetupClient: 'The system-of-record client could not be set up.',
    missingPermissions: 'Permissions required on the system of record are missing.',
  },
})

export const updateCurrentWorkspace = defineEndpoint({
  name: 'workspaceManagement.updateCurrentWorkspace',
  method: 'PUT',
  path: '/workspaceManagement/workspaces/current',
  payloadIn: 'body',
  payload: z.object({
    name: opt(z.string().min(1), 'New workspace name'),
    allowedEmailDomains: opt(z.array(z.string()), 'Email domains whose people may join, comma-separated'),
    logoBase64: optNull(z.string().min(1), logoField('New')),
    openAiApiKey: optNull(z.string().min(1), "The workspace's own OpenAI API key"),
    syncs: opt(
      z.array(workspaceSyncInput),
      'Sync schedules as a JSON array of {domain: connection|orchestration|revenueOrganization|storage|systemOfRecordIntegration|ai, cron}',
    ),
    metadata: metadataField,
    chromeExtensionMasterAgentUuid: optNull(uuid, 'Agent the Chrome extension uses as its main agent'),
    chromeExtensionAvailableAgentUuids: optNull(z.array(uuid), 'Agents offered in the Chrome extension, comma-separated UUIDs'),
    defaultRoleUuid: optNull(uuid, 'Role new members get unless told otherwise'),
    allowedLoginProviders: optNull(z.array(loginProvider), 'Sign-in methods members may use, comma-separated'),
  }),
  result: workspaceResult,
  reasons: {
    workspaceNotFound: 'The current workspace could not be found.',
    failedToScheduleSync: "The workspace's sync schedule could not be set up.",
  },
})

// ---------------------------------------------------------------------------------------------
// Members

export const listUsers = defineEndpoint({
  name: 'workspaceManagement.listUsers',
  method: 'GET',
  path: '/workspaceManagement/users/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ users: z.array(workspaceUser) }),
  reasons: {},
})

/** The caller as a member of the selected workspace (role and permissions); userManagement has the other one. */
export const getCurrentWorkspaceUser = defineEndpoint({
  name: 'workspaceManagement.getCurrentUser',
  method: 'GET',
  path: '/workspaceManagement/users/current',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ user: workspaceUser }),
  reasons: {},
})

export const createUser = defineEndpoint({
  name: 'workspaceManagement.createUser',
  method: 'POST',
  path: '/workspaceManagement/users',
  payloadIn: 'body',
  payload: z.object({
    userEmail: req(z.string().min(1), 'Email address of the person to invite'),
    roleSlug: roleSlugField('Role the invitee gets'),
  }),
  result: voidResult,
  reasons: {},
})

export const updateUser = defineEndpoint({
  name: 'workspaceManagement.updateUser',
  method: 'PUT',
  path: '/workspaceManagement/users/{userUuid}',
  payloadIn: 'body',
  payload: z.object({
    userUuid: req(uuid, 'UUID of the member to change'),
    roleSlug: roleSlugField('New role'),
  }),
  result: voidResult,
  reasons: { userNotFound: 'No member with this UUID exists in the workspace.' },
})

/** DELETE on the collection, the member in the JSON body (wire.md §2). */
export const removeUser = defineEndpoint({
  name: 'workspaceManagement.removeUser',
  method: 'DELETE',
  path: '/workspaceManagement/users',
  payloadIn: 'body',
  payload: z.object({ userUuid: req(uuid, 'UUID of the member to remove') }),
  result: voidResult,
  reasons: { invalidUserEmail: "The user's email is not valid." },
})

export const upsertUserPermission = defineEndpoint({
  name: 'workspaceManagement.upsertUserPermission',
  method: 'POST',
  path: '/workspaceManagement/users/permissions',
  payloadIn: 'body',
  payload: z
    .object({
      userUuids: opt(z.array(uuid), 'Members to change, comma-separated UUIDs (this, --emails, or both)'),
      emails: opt(z.array(z.string().min(1)), 'People to change by email, comma-separated (unknown addresses are added)'),
      action: req(permissionAction, 'Scope the permission covers'),
      resourceUuid: req(uuid, 'Resource the permission applies to'),
      effect: req(permissionEffect, 'Whether the scope is allowed or denied'),
    })
    .superRefine(someUsers),
  result: voidResult,
  reasons: {
    failedToCreateUsers: 'Some of the listed users could not be created.',
    failedToUpsertPermissions: 'The permissions could not be saved.',
  },
})

export const removeUserPermission = defineEndpoint({
  name: 'workspaceManagement.removeUserPermission',
  method: 'DELETE',
  path: '/workspaceManagement/users/{userUuid}/permissions',
  payloadIn: 'body',
  payload: z.object({
    userUuid: req(uuid, 'UUID of the member'),
    resourceUuid: req(uuid, 'Resource whose permission is removed'),
    effect: req(permissionEffect, 'Which kind of permission to remove'),
  }),
  result: voidResult,
  reasons: { userNotFound: 'No member with this UUID exists in the workspace.' },
})

export const listRoles = defineEndpoint({
  name: 'workspaceManagement.listRoles',
  method: 'GET',
  path: '/workspaceManagement/roles/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ roles: z.array(role) }),
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Tokens

export const listTokens = defineEndpoint({
  name: 'workspaceManagement.listTokens',
  method: 'GET',
  path: '/workspaceManagement/tokens/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ tokens: z.array(token) }),
  reasons: {},
})

/** The API needs `permissions`: absent here means null (the token mirrors its creator), filled in by the command. */
export const createToken = defineEndpoint({
  name: 'workspaceManagement.createToken',
  method: 'POST',
  path: '/workspaceManagement/tokens',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Name shown in token list; say what the token is for'),
    description: optNull(z.string(), 'What the token is for'),
    permissions: optNull(z.array(permissionInput), permissionsDescription),
  }),
  result: tokenResult,
  reasons: {},
})

export const updateToken = defineEndpoint({
  name: 'workspaceManagement.updateToken',
  method: 'PATCH',
  path: '/workspaceManagement/tokens/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the token'),
    name: opt(z.string().min(1), 'New name'),
    description: opt(z.string(), 'New description'),
    permissions: optNull(z.array(permissionInput), permissionsDescription),
  }),
  result: tokenResult,
  reasons: {},
})

export const removeToken = defineEndpoint({
  name: 'workspaceManagement.removeToken',
  method: 'DELETE',
  path: '/workspaceManagement/tokens/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the token to revoke') }),
  result: voidResult,
  reasons: {},
})

// ---------------------------------------------------------------------------------------------
// Folders

const folderNotFound = { folderNotFound: 'No folder with this UUID exists.' }
const duplicateName = { duplicateName: 'A folder with this name already exists at this place.' }

export const listFolders = defineEndpoint({
  name: 'workspaceManagement.listFolders',
  method: 'GET',
  path: '/workspaceManagement/folders/list',
  payloadIn: 'none',
  payload: none,
  result: z.looseObject({ folders: z.array(folder) }),
  reasons: {},
})

export const getFolder = defineEndpoint({
  name: 'workspaceManagement.getFolder',
  method: 'GET',
  path: '/workspaceManagement/folders/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the folder') }),
  result: folderResult,
  reasons: folderNotFound,
})

export const createFolder = defineEndpoint({
  name: 'workspaceManagement.createFolder',
  method: 'POST',
  path: '/workspaceManagement/folders',
  payloadIn: 'body',
  payload: z.object({
    name: req(z.string().min(1), 'Folder name'),
    emojiSlug: req(z.string().min(1), 'Emoji shown with the folder (e.g. rocket)'),
    kind: req(folderKind, 'Kind of resource the folder holds'),
    parentUuid: opt(uuid, 'Parent folder, to nest this one'),
  }),
  result: folderResult,
  reasons: duplicateName,
})

export const updateFolder = defineEndpoint({
  name: 'workspaceManagement.updateFolder',
  method: 'PUT',
  path: '/workspaceManagement/folders/{uuid}',
  payloadIn: 'body',
  payload: z.object({
    uuid: req(uuid, 'UUID of the folder'),
    name: opt(z.string().min(1), 'New name'),
    emojiSlug: opt(z.string().min(1), 'New emoji'),
    parentUuid: optNull(uuid, 'New parent folder; null moves it to the top level'),
    order: opt(z.int(), 'Position among its sibling folders'),
  }),
  result: folderResult,
  reasons: { ...folderNotFound, ...duplicateName },
})

export const removeFolder = defineEndpoint({
  name: 'workspaceManagement.removeFolder',
  method: 'DELETE',
  path: '/workspaceManagement/folders/{uuid}',
  payloadIn: 'none',
  payload: z.object({ uuid: req(uuid, 'UUID of the folder to delete') }),
  result: voidResult,
  reasons: folderNotFound,
})

// ---------------------------------------------------------------------------------------------
// Files (wire.md §9): one multipart POST under 50 MiB, direct-to-S3 parts from 50 MiB

/** Multipart form with the field `file`; sent with `client.upload`. */
export const uploadFile = defineEndpoint({
  name: 'workspaceManagement.uploadFile',
  method: 'POST',
  path: '/workspaceManagement/files/upload',
  payloadIn: 'body',
  payload: none,
  result: uploadedFile,
  reasons: { noFile: 'The request carried no file.' },
})

const multipartIds = {
  s3Filename: req(z.string().min(1), 'Name of the file being uploaded, from the create step'),
  uploadId: req(z.string().min(1), 'Id of the multipart upload, from the create step'),
}

export const startMultipartUpload = defineEndpoint({
  name: 'workspaceManagement.startMultipartUpload',
  method: 'POST',
  path: '/workspaceManagement/files/multipart/create',
  payloadIn: 'body',
  payload: z.object({
    contentType: req(z.string().min(1), 'MIME type of the file (application/octet-stream when unknown)'),
    filename: opt(z.string().min(1), 'Base name of the file'),
  }),
  result: z.looseObject({ s3Filename: z.string(), uploadId: z.string() }),
  reasons: {},
})

export const signMultipartUploadPart = defineEndpoint({
  name: 'workspaceManagement.signMultipartUploadPart',
  method: 'POST',
  path: '/workspaceManagement/files/multipart/sign',
  payloadIn: 'body',
  payload: z.object({ ...multipartIds, partNumber: req(z.int().positive(), 'Number of the part, from 1') }),
  result: z.looseObject({ url: z.string() }),
  reasons: {},
})

export const completeMultipartUpload = defineEndpoint({
  name: 'workspaceManagement.completeMultipartUpload',
  method: 'POST',
  path: '/workspaceManagement/files/multipart/complete',
  payloadIn: 'body',
  payload: z.object({ ...multipartIds, parts: req(z.array(multipartPart).min(1), 'Every part as {partNumber, etag}, in part order') }),
  result: z.looseObject({ s3Filename: z.string() }),
  reasons: {},
})

export const abortMultipartUpload = defineEndpoint({
  name: 'workspaceManagement.abortMultipartUpload',
  method: 'POST',
  path: '/workspaceManagement/files/multipart/abort',
  payloadIn: 'body',
  payload: z.object(multipartIds),
  result: voidResult,
  reasons: {},
})

export const listFileColumns = defineEndpoint({
  name: 'workspaceManagement.listFileColumns',
  method: 'GET',
  path: '/workspaceManagement/files/listColumns',
  payloadIn: 'query',
  payload: z.object({ s3Filename: req(z.string().min(1), 's3Filename printed by workspaceManagement file upload') }),
  result: z.looseObject({ columns: z.array(fileColumn) }),
  reasons: { noColumnsFound: 'No columns were found in the file (is the header row missing?).' },
})

// ---------------------------------------------------------------------------------------------
// Reports and sessions

export const createReport = defineEndpoint({
  name: 'workspaceManagement.createReport',
  method: 'POST',
  path: '/workspaceManagement/reports',
  payloadIn: 'body',
  payload: z.object({
    title: req(z.string().min(1), 'One-line summary of the problem'),
    description: req(z.string().min(1), 'Details: commands tried, errorMessage, what was expected, UUIDs involved'),
  }),
  result: z.looseObject({ report }),
  reasons: {},
})

export const upsertSession = defineEndpoint({
  name: 'workspaceManagement.upsertSession',
  method: 'POST',
  path: '/workspaceManagement/sessions',
  payloadIn: 'body',
  payload: z.object({
    sessionId: req(z.string().min(1), 'Session identifier; the same id again updates that session'),
    title: req(z.string().min(1), 'Session title'),
    summary: req(z.string(), 'Short summary of the session'),
    finishedAt: opt(isoDate, 'When the session finished'),
  }),
  result: z.looseObject({ session }),
  reasons: {},
})
