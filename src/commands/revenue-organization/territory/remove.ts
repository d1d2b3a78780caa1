import { removeTerritory } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeTerritory,
  summary: 'Delete a territory.',
  examples: [
    '<%= config.bin %> revenue-organization territory remove 00000000-0000-4000-8000-000000072101',
  ],
  args: { uuid: 'Territory UUID' },
})
