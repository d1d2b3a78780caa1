import * as Flags from '@oclif/core/flags'
import { updateAlert } from '../../../api/endpoints/observability.js'
import { UUID_PATTERN } from '../../../api/schemas/uuid-pattern.js'
import { UsageError } from '../../../cli/cli-error.js'
import { defineCommand } from '../../../cli/define-command.js'

// --enabled takes the words true and false, and --folder the word none: both are read here, not from the schema
const endpoint = { ...updateAlert, payload: updateAlert.payload.omit({ isEnabled: true, folderUuid: true }) }

/** `none` (or `null`) clears a field; anything else must be what `valid` accepts. */
function clearable(flag: string, value: string | undefined, valid: (text: string) => boolean, expected: string): string | null | undefined {
  if (value === undefined) return undefined
  if (value === 'none' || value === 'null') return null
  if (!valid(value)) throw new UsageError(`--${flag}: expected ${expected} or none, got ${JSON.stringify(value)}`)
  return value
}

export default defineCommand({
  endpoint,
  summary: 'Change any part of an alert; what is not given stays as it is.',
  examples: [
    '<%= config.bin %> observability alert update --uuid 00000000-0000-4000-8000-000000073001 --enabled false',
    `<%= config.bin %> observability alert update --uuid 00000000-0000-4000-8000-000000073001 --threshold '{"metric":"errorRate","operator":"gte","value":20}'`,
    '<%= config.bin %> observability alert update --uuid 00000000-0000-4000-8000-000000073001 --description none --folder none',
  ],
  flagOverrides: { description: { description: 'New description; none clears it' } },
  extraFlags: {
    enabled: Flags.string({ summary: 'true evaluates the alert on its schedule, false pauses it.', options: ['true', 'false'] }),
    folder: Flags.string({ summary: 'Folder UUID to move the alert to; none takes it out of its folder.' }),
  },
  prepare: async (payload, { flags }) => {
    const enabled = flags.enabled as string | undefined
    const folderUuid = clearable('folder', flags.folder as string | undefined, (text) => UUID_PATTERN.test(text), 'a folder UUID')
    const description = payload.description === 'none' ? null : payload.description
    return {
      ...payload,
      ...(description === undefined ? {} : { description }),
      ...(enabled === undefined ? {} : { isEnabled: enabled === 'true' }),
      ...(folderUuid === undefined ? {} : { folderUuid }),
    }
  },
})
