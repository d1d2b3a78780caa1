import { getRun } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRun,
  summary: 'Get one run with its per-node executions, outputs and resolved configs.',
  examples: ['<%= config.bin %> orchestration run get <run-uuid>'],
  args: { uuid: 'Run UUID' },
})
