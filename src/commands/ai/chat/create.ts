import { createChat } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createChat,
  summary: 'Open a chat with an agent; send messages to it with `ai message create`.',
  examples: [
    "<%= config.bin %> ai chat create --trigger '{\"type\":\"draft\"}' --agent-uuid <agent-uuid> --name \"Research session\"",
    "<%= config.bin %> ai chat create --trigger '{\"type\":\"draft\"}' --agent-uuid <agent-uuid> --name \"Quick question\"",
    "<%= config.bin %> ai chat create --trigger '{\"type\":\"draft\"}' --agent-uuid <agent-uuid> --name \"Lead research — Acme Corp\"",
  ],
})
