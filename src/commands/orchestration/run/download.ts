import { downloadRuns } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadRuns,
  summary: 'Export the runs of a workflow matching filters.',
  examples: ['<%= config.bin %> orchestration run download --workflow-uuid <uuid> --is-finished', '<%= config.bin %> orchestration run download --workflow-uuid <uuid> --created-after 2025-01-01 --created-before 2025-01-31', '<%= config.bin %> orchestration run download --workflow-uuid <uuid> --statuses success,error'],
  download: true,
})
