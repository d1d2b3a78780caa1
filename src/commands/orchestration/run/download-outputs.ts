import { downloadRunOutputs } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadRunOutputs,
  summary: "Export one node's outputs for the runs matching filters (CSV or JSON).",
  examples: ['<%= config.bin %> orchestration run download-outputs --workflow-uuid <workflow-uuid>'],
  download: true,
})
