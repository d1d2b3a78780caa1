import { generateSuggestedActions } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: generateSuggestedActions,
  summary: 'Generate suggested next actions for a message or an agent setup.',
  examples: [
    '<%= config.bin %> ai suggested-action generate --agent-uuid <agent-uuid>',
    '<%= config.bin %> ai suggested-action generate --message-uuid <assistant-message-uuid>',
  ],
})
