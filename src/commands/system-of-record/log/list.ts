import { listLogs } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listLogs,
  summary: `List the warehouse's query log: each query, its status and the bytes it processed.`,
  examples: [
    '<%= config.bin %> system-of-record log list --limit 20',
    '<%= config.bin %> system-of-record log list --statuses error --query models_companies',
  ],
})
