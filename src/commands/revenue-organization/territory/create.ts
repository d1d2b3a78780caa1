import { createTerritory } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createTerritory,
  summary: 'Create a territory: the members records are routed to, by weight, and a fallback member.',
  examples: [
    `<%= config.bin %> revenue-organization territory create --label "DACH" --color purple --members '[{"uuid":"00000000-0000-4000-8000-000000072001","weight":2},{"uuid":"00000000-0000-4000-8000-000000072002","weight":1}]' --fallback-member-uuid 00000000-0000-4000-8000-000000072002`,
    `<%= config.bin %> revenue-organization territory create --label "Nordics" --color green --members '[{"uuid":"00000000-0000-4000-8000-000000072002","weight":null}]'`,
  ],
})
