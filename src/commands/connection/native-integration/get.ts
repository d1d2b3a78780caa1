import { getNativeIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getNativeIntegration,
  summary: `Show Cargo's built-in actions and extractors (start, end, branch, filter, agent, python, ...).`,
  description: 'Third-party actions (HubSpot, Clearbit, ...) are not here: use `connection integration get <slug>`.',
  examples: [
    '<%= config.bin %> connection native-integration get',
    '<%= config.bin %> connection native-integration get --query "keys(nativeIntegration.actions)" --raw',
  ],
})
