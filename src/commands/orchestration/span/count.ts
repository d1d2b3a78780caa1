import { countSpans } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countSpans,
  summary: 'Count spans matching filters.',
  examples: ['<%= config.bin %> orchestration span count --execution-started-after 2025-01-01'],
})
