import { getAllocation } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getAllocation,
  summary: 'Show one allocation: the member, the records, and what allocated them.',
  examples: [
    '<%= config.bin %> revenue-organization allocation get 00000000-0000-4000-8000-000000072301',
  ],
  args: { uuid: 'Allocation UUID' },
})
