import { countRuns } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countRuns,
  summary: 'Count runs matching filters (e.g. errors in a period).',
  examples: ['<%= config.bin %> orchestration run count --workflow-uuid <uuid> --statuses error', '<%= config.bin %> orchestration run count --workflow-uuid <uuid> --is-finished --created-after 2025-01-01 --created-before 2025-01-31', '<%= config.bin %> orchestration run count --workflow-uuid <uuid> --batch-uuid <batch-uuid> --statuses error'],
})
