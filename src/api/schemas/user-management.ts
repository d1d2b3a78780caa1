import { z } from 'zod'
import { entity } from './common.js'

export const baseUser = entity({
  uuid: z.string(),
  email: z.string(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  picture: z.string().optional(),
  lastSignInAt: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
})

export type BaseUser = z.infer<typeof baseUser>
