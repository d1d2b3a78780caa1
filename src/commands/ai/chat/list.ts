import { listChats } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listChats,
  summary: 'List chats, filtered by agent, release, user, trigger, message status, name or date.',
  examples: [
    '<%= config.bin %> ai chat list --agent-uuid <agent-uuid> --limit 10',
    '<%= config.bin %> ai chat list --agent-uuid <agent-uuid>',
    '<%= config.bin %> ai chat list --agent-uuid <agent-uuid> --limit 5 --offset 0',
  ],
})
