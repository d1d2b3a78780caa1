import { getRecordMetrics } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRecordMetrics,
  summary: "Per-node execution counts and credits across a workflow's records.",
  examples: ['<%= config.bin %> orchestration record get-metrics --workflow-uuid <uuid>'],
})
