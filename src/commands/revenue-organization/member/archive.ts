import { archiveMember } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: archiveMember,
  summary: 'Archive a member: territories no longer route records to them.',
  examples: [
    '<%= config.bin %> revenue-organization member archive 00000000-0000-4000-8000-000000072003',
  ],
  args: { uuid: 'Member UUID' },
})
