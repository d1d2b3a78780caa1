import { listCustomIntegrations } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listCustomIntegrations,
  summary: `List the workspace's custom integrations.`,
  examples: [
    '<%= config.bin %> connection custom-integration list',
  ],
})
