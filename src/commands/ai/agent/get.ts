import { getAgent } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getAgent,
  summary: 'Show one agent and its deployed release (live prompt, model, actions, resources).',
  examples: ['<%= config.bin %> ai agent get <agent-uuid>'],
  args: { uuid: 'Agent UUID' },
})
