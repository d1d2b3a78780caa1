import { createCustomIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createCustomIntegration,
  summary: 'Register a custom integration, served by your own server (external) or by a Cargo worker.',
  examples: [
    '<%= config.bin %> connection custom-integration create --kind external --base-url https://integrations.example.com/cargo',
    '<%= config.bin %> connection custom-integration create --kind worker --worker-uuid <worker-uuid>',
  ],
  exclusive: [['base-url', 'worker-uuid']],
})
