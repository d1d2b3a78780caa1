import { removeChat } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeChat,
  summary: 'Delete a chat.',
  examples: ['<%= config.bin %> ai chat remove <chat-uuid>'],
  args: { uuid: 'Chat UUID' },
})
