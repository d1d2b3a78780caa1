import { listRuns } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRuns,
  summary: 'List runs of a workflow, with filters and pagination.',
  examples: ['<%= config.bin %> orchestration run list --workflow-uuid <tool.workflowUuid> --limit 20', '<%= config.bin %> orchestration run list --workflow-uuid <tool.workflowUuid> --statuses running,pending', '<%= config.bin %> orchestration run list --workflow-uuid <tool.workflowUuid> --statuses error --limit 10'],
})
