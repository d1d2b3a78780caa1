import { listVotes } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listVotes,
  summary: 'List the thumbs-up/down votes given in a chat.',
  examples: ['<%= config.bin %> ai vote list --chat-uuid <chat-uuid>'],
})
