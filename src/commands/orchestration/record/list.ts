import { listRecords } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRecords,
  summary: 'List the records processed by a workflow (latest state per record).',
  examples: ['<%= config.bin %> orchestration record list --workflow-uuid <uuid> --limit 50', '<%= config.bin %> orchestration record list --workflow-uuid <uuid> --batch-uuid <uuid> --statuses error'],
})
