import { downloadRecordOutputs } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadRecordOutputs,
  summary: "Export one node's outputs for the records matching filters (CSV or JSON).",
  examples: ['<%= config.bin %> orchestration record download-outputs'],
  download: true,
})
