import { updateChat } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateChat,
  summary: 'Rename a chat.',
  examples: ['<%= config.bin %> ai chat update --uuid <chat-uuid> --name "Acme research"'],
})
