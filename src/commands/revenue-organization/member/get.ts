import { getMember } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getMember,
  summary: 'Show one member.',
  examples: [
    '<%= config.bin %> revenue-organization member get 00000000-0000-4000-8000-000000072001',
  ],
  args: { uuid: 'Member UUID' },
})
