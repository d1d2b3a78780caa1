import { updateCustomIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateCustomIntegration,
  summary: 'Point a custom integration at another base URL or worker.',
  examples: [
    '<%= config.bin %> connection custom-integration update --uuid <custom-integration-uuid> --base-url https://integrations.example.com/cargo/v2',
  ],
})
