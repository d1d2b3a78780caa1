import { downloadRecordOutputs } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadRecordOutputs,
  summary: "Export one node's outputs for the records matching filters (CSV or JSON).",
  description: 'Page through a large export with --limit and --offset (the API exports at most 10,000 records at once).',
  examples: [
    '<%= config.bin %> orchestration record download-outputs --workflow-uuid <workflow-uuid> --format csv --output outputs.csv',
    '<%= config.bin %> orchestration record download-outputs --workflow-uuid <workflow-uuid> --format json --limit 1000 --offset 0',
  ],
  download: true,
})
