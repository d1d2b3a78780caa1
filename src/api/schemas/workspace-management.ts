import { z } from 'zod'
import { entity } from './common.js'

export const permission = entity({
  effect: z.enum(['allow', 'deny']),
  resources: z.array(z.string()).optional(),
  actions: z.array(z.string()),
})

export const role = entity({
  uuid: z.string(),
  workspaceUuid: z.string().optional(),
  slug: z.string(),
  permissions: z.array(permission).optional(),
  createdAt: z.string().optional(),
})

export const workspace = entity({
  uuid: z.string(),
  name: z.string(),
  allowedEmailDomains: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
})

export const workspaceUser = entity({
  uuid: z.string(),
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  workspaceUuid: z.string().optional(),
  permissions: z.array(permission).optional(),
  role: role.optional(),
})

export type Workspace = z.infer<typeof workspace>
export type WorkspaceUser = z.infer<typeof workspaceUser>
