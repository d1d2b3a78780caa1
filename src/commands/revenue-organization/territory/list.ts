import { listTerritories } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listTerritories,
  summary: 'List the territories.',
  examples: [
    '<%= config.bin %> revenue-organization territory list',
  ],
})
