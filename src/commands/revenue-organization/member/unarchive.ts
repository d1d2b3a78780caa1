import { unarchiveMember } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: unarchiveMember,
  summary: 'Restore an archived member.',
  examples: [
    '<%= config.bin %> revenue-organization member unarchive 00000000-0000-4000-8000-000000072003',
  ],
  args: { uuid: 'Member UUID' },
})
