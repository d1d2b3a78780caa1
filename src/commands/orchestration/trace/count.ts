import { countTraces } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countTraces,
  summary: 'Count traces matching filters.',
  examples: ['<%= config.bin %> orchestration trace count --started-after 2025-01-01'],
})
