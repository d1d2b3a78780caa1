import { removeAllocation } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeAllocation,
  summary: 'Delete an allocation, releasing its records.',
  examples: [
    '<%= config.bin %> revenue-organization allocation remove 00000000-0000-4000-8000-000000072302',
  ],
  args: { uuid: 'Allocation UUID' },
})
