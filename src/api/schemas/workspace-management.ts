/**
 * workspaceManagement domain (entities.md §7): workspaces, members and their roles and permissions,
 * API tokens, folders, uploaded files, reports and agent sessions.
 *
 * Response entities are loose (`entity`) and their `T | null` fields optional (the client strips nulls);
 * request pieces check what the API needs (enums, required keys) before anything is sent.
 */
import { z } from 'zod'
import { baseUserShape } from './user-management.js'
import { entity, timestamp } from './common.js'

// ---------------------------------------------------------------------------------------------
// Permissions

/** API domains a permission can name, in the order of the types' PermissionAction union. */
const permissionDomains = [
  'ai',
  'billing',
  'connection',
  'context',
  'domainManagement',
  'hosting',
  'observability',
  'orchestration',
  'revenueOrganization',
  'segmentation',
  'storage',
  'content',
  'systemOfRecordIntegration',
  'workspaceManagement',
] as const

/** Sub-resources with their own scopes (`ai:agent:read`, …). */
const permissionSubResources: Partial<Record<(typeof permissionDomains)[number], readonly string[]>> = {
  ai: ['agent', 'mcpServer'],
  hosting: ['app', 'worker'],
  orchestration: ['workflow'],
  content: ['file'],
  workspaceManagement: ['folder'],
}

const levels = (prefix: string) => ['*', 'read', 'write'].map((level) => `${prefix}:${level}`)

/** `<domain>:*|read|write` and `<domain>:<resource>:*|read|write`. */
export const permissionActions = permissionDomains.flatMap((domain) => [
  ...levels(domain),
  ...(permissionSubResources[domain] ?? []).flatMap((resource) => levels(`${domain}:${resource}`)),
]) as [string, ...string[]]

export const permissionAction = z.enum(permissionActions)
export type PermissionAction = z.infer<typeof permissionAction>

export const permissionEffect = z.enum(['allow', 'deny'])
export type PermissionEffect = z.infer<typeof permissionEffect>

/** A permission as the API returns it (actions kept as text: new scopes must not break reading). */
export const permission = entity({
  effect: permissionEffect,
  resources: z.array(z.string()).optional(),
  actions: z.array(z.string()),
})
export type Permission = z.infer<typeof permission>

/** A permission as sent: every action must be a known scope; `resources: null` means every resource. */
export const permissionInput = z.looseObject({
  effect: permissionEffect,
  resources: z.array(z.string().min(1)).nullable(),
  actions: z.array(permissionAction).min(1),
})
export type PermissionInput = z.infer<typeof permissionInput>

// ---------------------------------------------------------------------------------------------
// Workspaces

export const loginProvider = z.enum(['email', 'google-oauth2', 'azuread', 'okta'])
export type LoginProvider = z.infer<typeof loginProvider>

export const syncDomain = z.enum(['connection', 'orchestration', 'revenueOrganization', 'storage', 'systemOfRecordIntegration', 'ai'])
export type SyncDomain = z.infer<typeof syncDomain>

export const workspaceSync = entity({ domain: syncDomain, temporalScheduleWorkflowId: z.string().optional(), cron: z.string() })
export type WorkspaceSync = z.infer<typeof workspaceSync>

/** A sync schedule as sent (the server adds temporalScheduleWorkflowId). */
export const workspaceSyncInput = z.looseObject({ domain: syncDomain, cron: z.string().min(1) })

/** Onboarding answers; every key optional. */
export const workspaceMetadata = z.looseObject({
  mainGoal: z.array(z.string()).optional(),
  salesRepCount: z.string().optional(),
  gtmStackList: z.array(z.string()).optional(),
  referralSource: z.array(z.string()).optional(),
  dubClickId: z.string().optional(),
})
export type WorkspaceMetadata = z.infer<typeof workspaceMetadata>

export const workspace = entity({
  uuid: z.string(),
  name: z.string(),
  allowedEmailDomains: z.array(z.string()).optional(),
  syncs: z.array(workspaceSync).optional(),
  temporalNamespace: z.string().optional(),
  temporalTaskQueuePrefix: z.string().optional(),
  maxConcurrentRuns: z.number().optional(),
  openAiVectorStoreId: z.string().optional(),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  logoUrl: z.string().optional(),
  metadata: workspaceMetadata.optional(),
  chromeExtensionMasterAgentUuid: z.string().optional(),
  chromeExtensionAvailableAgentUuids: z.array(z.string()).optional(),
  defaultRoleUuid: z.string().optional(),
  allowedLoginProviders: z.array(loginProvider).optional(),
  ssoIdentifier: z.string().optional(),
  quotaBuckets: z.record(z.string(), z.number()).optional(),
})
export type Workspace = z.infer<typeof workspace>

// ---------------------------------------------------------------------------------------------
// Members and roles

export const role = entity({
  uuid: z.string(),
  workspaceUuid: z.string().optional(),
  slug: z.string(),
  permissions: z.array(permission).optional(),
  createdAt: timestamp.optional(),
})
export type Role = z.infer<typeof role>

/** A user as a member of one workspace: the base user plus its role and own permissions. */
export const workspaceUser = entity({
  ...baseUserShape,
  workspaceUuid: z.string().optional(),
  permissions: z.array(permission).optional(),
  role: role.optional(),
})
export type WorkspaceUser = z.infer<typeof workspaceUser>

// ---------------------------------------------------------------------------------------------
// Tokens, folders, files, reports, sessions

export const token = entity({
  uuid: z.string(),
  /** the secret; the emulator shows it whole only in the create answer */
  token: z.string(),
  name: z.string(),
  description: z.string().optional(),
  permissions: z.array(permission).optional(),
  workspaceUuid: z.string(),
  userUuid: z.string(),
  createdAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Token = z.infer<typeof token>

export const folderKind = z.enum(['tool', 'play', 'agent', 'file', 'mcpServer', 'model', 'app', 'worker', 'alert', 'mailbox'])
export type FolderKind = z.infer<typeof folderKind>

export const folder = entity({
  uuid: z.string(),
  parentUuid: z.string().optional(),
  kind: folderKind,
  workspaceUuid: z.string(),
  name: z.string(),
  emojiSlug: z.string(),
  isReadOnly: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.optional(),
})
export type Folder = z.infer<typeof folder>

/** What an upload answers (flat), and what `workspaceManagement file upload` prints. */
export const uploadedFile = z.looseObject({
  uuid: z.string().optional(),
  s3Filename: z.string(),
  contentType: z.string(),
  name: z.string(),
})
export type UploadedFile = z.infer<typeof uploadedFile>

export const fileColumn = entity({ type: z.string(), name: z.string() })
export type FileColumn = z.infer<typeof fileColumn>

export const multipartPart = z.looseObject({ partNumber: z.int().positive(), etag: z.string().min(1) })
export type MultipartPart = z.infer<typeof multipartPart>

export const report = entity({
  uuid: z.string(),
  userUuid: z.string(),
  workspaceUuid: z.string(),
  title: z.string(),
  description: z.string(),
  createdAt: timestamp,
})
export type Report = z.infer<typeof report>

export const session = entity({
  uuid: z.string(),
  sessionId: z.string(),
  userUuid: z.string(),
  workspaceUuid: z.string(),
  title: z.string(),
  summary: z.string(),
  createdAt: timestamp,
  finishedAt: timestamp.optional(),
})
export type Session = z.infer<typeof session>
