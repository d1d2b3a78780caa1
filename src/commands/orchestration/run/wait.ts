import { getRun } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForRun } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: getRun,
  summary: 'Wait for an existing run to reach a final status and print it.',
  examples: ['<%= config.bin %> orchestration run wait <uuid> --exit-status'],
  args: { uuid: 'Run UUID' },
  wait: waitForRun,
  waitAlways: true,
})
