import { getDraftRelease } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDraftRelease,
  summary: "Show an agent's editable draft release (created when the agent has none).",
  examples: [
    '<%= config.bin %> ai release get-draft --agent-uuid <uuid>',
    '<%= config.bin %> ai release get-draft --agent-uuid <agent-uuid>',
  ],
})
