import { removeCustomIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeCustomIntegration,
  summary: 'Delete a custom integration.',
  examples: [
    '<%= config.bin %> connection custom-integration remove <custom-integration-uuid>',
  ],
  args: { uuid: 'Custom integration UUID' },
})
