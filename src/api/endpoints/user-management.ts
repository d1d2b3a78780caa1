import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { baseUser } from '../schemas/user-management.js'

/** The signed-in person, sent without the workspace header (wire.md §3). */
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
