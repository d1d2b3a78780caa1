/**
 * userManagement domain (entities.md §8): the signed-in person, independent of any workspace.
 */
import { z } from 'zod'
import { entity, timestamp } from './common.js'

/** Browser-extension settings kept on the user. */
export const webExtensionData = z.looseObject({
  linkedin: z.looseObject({ li_at: z.string().optional() }).optional(),
  timezone: z.string().optional(),
})
export type WebExtensionData = z.infer<typeof webExtensionData>

/** BaseUser's fields, shared with the workspace member (workspaceManagement's WorkspaceUser). */
export const baseUserShape = {
  uuid: z.string(),
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  picture: z.string().optional(),
  lastSignInAt: timestamp.optional(),
  createdAt: timestamp.optional(),
  updatedAt: timestamp.optional(),
  webExtensionData: webExtensionData.optional(),
}

export const baseUser = entity(baseUserShape)
export type BaseUser = z.infer<typeof baseUser>
