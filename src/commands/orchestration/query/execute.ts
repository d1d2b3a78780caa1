import { executeQuery } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: executeQuery,
  summary: 'Run a ClickHouse SQL query over the orchestration tables (runs, batches, spans, records).',
  examples: ["<%= config.bin %> orchestration query execute \"SELECT count() FROM runs WHERE status='error'\"", "<%= config.bin %> orchestration query execute \"SELECT count() FROM runs WHERE status = 'error'\"", '<%= config.bin %> orchestration query execute "SELECT status, count() FROM batches GROUP BY status"'],
  args: { query: 'SQL text (ClickHouse dialect); tables: runs, batches, spans, records' },
})
