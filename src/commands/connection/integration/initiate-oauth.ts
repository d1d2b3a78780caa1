import { initiateIntegrationOauth } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: initiateIntegrationOauth,
  summary: `Start an integration's OAuth sign-in and print the provider's consent URL.`,
  examples: [
    '<%= config.bin %> connection integration initiate-oauth --slug hubspot',
  ],
})
