import { removeMessage } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeMessage,
  summary: 'Delete a message you wrote (assistant messages cannot be removed).',
  examples: ['<%= config.bin %> ai message remove <user-message-uuid>'],
  args: { uuid: 'Message UUID (must be a user message)' },
})
