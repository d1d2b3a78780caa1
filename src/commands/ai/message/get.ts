import { getMessage } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getMessage,
  summary: 'Show one chat message; poll an assistant message with it until it is finished.',
  examples: [
    '<%= config.bin %> ai message get <assistant-msg-uuid>',
    '<%= config.bin %> ai message get <uuid>',
    '<%= config.bin %> ai message get <msg-uuid>',
  ],
  args: { uuid: 'Message UUID (for polling: assistantMessage.uuid from `ai message create`)' },
})
