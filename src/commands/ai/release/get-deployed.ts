import { getDeployedRelease } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDeployedRelease,
  summary: 'Show the release an agent currently answers with.',
  examples: ['<%= config.bin %> ai release get-deployed --agent-uuid <agent-uuid>'],
})
