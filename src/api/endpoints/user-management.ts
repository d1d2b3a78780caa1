/**
 * The userManagement endpoints: the signed-in person, independent of any workspace. Both are sent
 * without the selected-workspace-uuid header (wire.md §3).
 */
import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { voidResult } from '../schemas/common.js'
import { opt } from '../schemas/fields.js'
import { baseUser, webExtensionData } from '../schemas/user-management.js'

export const getCurrentUser = defineEndpoint({
  name: 'userManagement.getCurrentUser',
  method: 'GET',
  path: '/userManagement/users/current',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ user: baseUser }),
  reasons: {},
  withoutWorkspace: true,
})

/** The domain type announces `{user}`, but the official client discards the body: void. */
export const updateCurrentUser = defineEndpoint({
  name: 'userManagement.updateCurrentUser',
  method: 'PUT',
  path: '/userManagement/users/current',
  payloadIn: 'body',
  payload: z.object({
    firstName: opt(z.string(), 'Your new first name'),
    lastName: opt(z.string(), 'Your new last name'),
    webExtensionData: opt(webExtensionData, 'Browser-extension settings as JSON: {linkedin?: {li_at?}, timezone?}'),
  }),
  result: voidResult,
  reasons: { userNotFound: 'The signed-in user could not be found.' },
  withoutWorkspace: true,
})
