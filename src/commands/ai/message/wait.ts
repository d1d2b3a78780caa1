import { getMessage } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForMessage } from '../../../cli/waiters/ai.js'

export default defineCommand({
  endpoint: getMessage,
  summary: 'Wait for an assistant message to reach a final status (success, error, cancelled) and print it.',
  examples: ['<%= config.bin %> ai message wait <assistant-message-uuid>', '<%= config.bin %> ai message wait <assistant-message-uuid> --exit-status --wait-timeout 5m'],
  args: { uuid: 'Message UUID (the assistant message)' },
  wait: waitForMessage,
  waitAlways: true,
})
