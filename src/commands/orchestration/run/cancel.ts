import { cancelRuns } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelRuns,
  summary: 'Cancel runs of a workflow, either by UUID or by filter.',
  examples: ['<%= config.bin %> orchestration run cancel --workflow-uuid <uuid> --uuids <run-uuid-1>,<run-uuid-2>', '<%= config.bin %> orchestration run cancel --workflow-uuid <tool.workflowUuid> --uuids <run-uuid-1>,<run-uuid-2>'],
})
