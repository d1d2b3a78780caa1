import { removeCapacity } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeCapacity,
  summary: 'Delete a capacity.',
  examples: [
    '<%= config.bin %> revenue-organization capacity remove 00000000-0000-4000-8000-000000072201',
  ],
  args: { uuid: 'Capacity UUID' },
})
