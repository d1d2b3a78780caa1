import { getRunMetrics } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRunMetrics,
  summary: "Per-node execution counts and credits for a workflow's runs.",
  examples: ['<%= config.bin %> orchestration run get-metrics --workflow-uuid <uuid>', '<%= config.bin %> orchestration run get-metrics --workflow-uuid <uuid> --release-uuid <release-uuid>', '<%= config.bin %> orchestration run get-metrics --workflow-uuid <uuid> --batch-uuid <batch-uuid>'],
})
