import { getLogMetrics } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getLogMetrics,
  summary: 'Report warehouse usage per day (queries, processed bytes and seconds) over a date range.',
  examples: [
    '<%= config.bin %> system-of-record log get-metrics --from 2025-01-01 --to 2025-01-31',
  ],
})
