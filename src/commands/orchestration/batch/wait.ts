import { getBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForBatch } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: getBatch,
  summary: 'Wait for an existing batch to reach a final status and print it.',
  examples: ['<%= config.bin %> orchestration batch wait <uuid> --exit-status'],
  args: { uuid: 'Batch UUID' },
  wait: waitForBatch,
  waitAlways: true,
})
