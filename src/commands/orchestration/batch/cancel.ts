import { cancelBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelBatch,
  summary: 'Cancel a batch and its remaining runs.',
  examples: ['<%= config.bin %> orchestration batch cancel <batch-uuid>'],
  args: { uuid: 'Batch UUID' },
})
