import { getChat } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getChat,
  summary: 'Show one chat with its last message.',
  examples: ['<%= config.bin %> ai chat get <chat-uuid>'],
  args: { uuid: 'Chat UUID' },
})
