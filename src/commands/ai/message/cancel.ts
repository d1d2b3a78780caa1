import { cancelMessages } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelMessages,
  summary: 'Stop generating one or more assistant messages.',
  examples: ['<%= config.bin %> ai message cancel --uuids <assistant-message-uuid>'],
})
