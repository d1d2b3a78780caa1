import { syncMembers } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: syncMembers,
  summary: 'Import the revenue team again from the connected CRMs (or from one connector).',
  examples: [
    '<%= config.bin %> revenue-organization member sync',
    '<%= config.bin %> revenue-organization member sync --connector-uuid 00000000-0000-4000-8000-000000000031',
  ],
})
