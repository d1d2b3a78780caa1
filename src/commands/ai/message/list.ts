import { listMessages } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listMessages,
  summary: 'List the messages of a chat, user and assistant, oldest first (nulls kept as the API sends them).',
  examples: ['<%= config.bin %> ai message list --chat-uuid <chat-uuid> --limit 20'],
})
