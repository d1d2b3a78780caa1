import type { z } from 'zod'

// Payload field helpers for endpoint tables. The description goes on the outer schema (what the flag
// builder sees) and on the inner one (what remains after unwrapping optional/nullable).

export function req<T extends z.ZodType>(schema: T, description: string) {
  return schema.describe(description)
}

export function opt<T extends z.ZodType>(schema: T, description: string) {
  return schema.describe(description).optional().describe(description)
}

/** optional, and `null` clears the value on the server */
export function optNull<T extends z.ZodType>(schema: T, description: string) {
  return schema.describe(description).nullable().optional().describe(description)
}

/** required, but `null` is a meaningful value */
export function reqNull<T extends z.ZodType>(schema: T, description: string) {
  return schema.describe(description).nullable().describe(description)
}
