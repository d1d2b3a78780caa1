import { getBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getBatch,
  summary: 'Get one batch (status, counters, releaseUuid).',
  examples: ['<%= config.bin %> orchestration batch get <batch-uuid>'],
  args: { uuid: 'Batch UUID' },
})
