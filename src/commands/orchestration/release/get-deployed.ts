import { getDeployedRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDeployedRelease,
  summary: 'Get the release currently deployed for a workflow.',
  examples: ['<%= config.bin %> orchestration release get-deployed --workflow-uuid <uuid>'],
})
