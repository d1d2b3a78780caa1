import { updateTerritory } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateTerritory,
  summary: 'Change a territory; --members replaces its members.',
  examples: [
    `<%= config.bin %> revenue-organization territory update --uuid 00000000-0000-4000-8000-000000072101 --members '[{"uuid":"00000000-0000-4000-8000-000000072001","weight":1},{"uuid":"00000000-0000-4000-8000-000000072002","weight":1}]'`,
    '<%= config.bin %> revenue-organization territory update --uuid 00000000-0000-4000-8000-000000072101 --fallback-member-uuid null',
  ],
})
