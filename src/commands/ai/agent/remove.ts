import { removeAgent } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeAgent,
  summary: 'Delete an agent.',
  examples: ['<%= config.bin %> ai agent remove <agent-uuid>'],
  args: { uuid: 'Agent UUID' },
})
