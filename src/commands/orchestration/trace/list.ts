import { listTraces } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listTraces,
  summary: 'List traces (a root run and everything it spawned).',
  examples: ['<%= config.bin %> orchestration trace list --started-after 2025-01-01'],
})
