import { getTerritory } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getTerritory,
  summary: 'Show one territory with its members and weights.',
  examples: [
    '<%= config.bin %> revenue-organization territory get 00000000-0000-4000-8000-000000072101',
  ],
  args: { uuid: 'Territory UUID' },
})
