import { completeIntegrationOauth } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: completeIntegrationOauth,
  summary: `Finish an integration's OAuth sign-in: trade the provider's callback parameters for credentials.`,
  examples: [
    `<%= config.bin %> connection integration complete-oauth --slug hubspot --params '{"code":"<code from the callback>","state":"<state>"}'`,
  ],
})
