import * as Flags from '@oclif/core/flags'
import { UUID_PATTERN } from '../api/schemas/uuid-pattern.js'

/**
 * A `--<name>` flag that takes one UUID and is not a payload field (a client-side filter, a source to
 * read): refused before any request when malformed, in the words the payload check uses for the others.
 */
export function uuidFlag(name: string, options: { summary: string; hidden?: boolean; helpGroup?: string; exclusive?: string[] }) {
  return Flags.string({
    ...options,
    parse: async (input: string) => {
      if (!UUID_PATTERN.test(input)) {
        // a plain Error: parseCommandLine reports its message as a usage error (exit 2)
        throw new Error(`Invalid input: --${name}: expected a UUID (such as 6f1e2d3c-4b5a-4968-8776-655443322110), got ${JSON.stringify(input)}`)
      }
      return input
    },
  })
}
