import { getCustomIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getCustomIntegration,
  summary: 'Show one custom integration (the API wraps it under "connector").',
  examples: [
    '<%= config.bin %> connection custom-integration get <custom-integration-uuid>',
  ],
  args: { uuid: 'Custom integration UUID' },
})
