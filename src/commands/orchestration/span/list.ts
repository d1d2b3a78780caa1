import { listSpans } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listSpans,
  summary: 'List spans (one per node execution) with rich filters.',
  examples: ['<%= config.bin %> orchestration span list --execution-started-after 2025-01-01'],
})
