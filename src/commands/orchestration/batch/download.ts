import { downloadBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadBatch,
  summary: 'Download the output of a finished batch for one node.',
  examples: ['<%= config.bin %> orchestration batch download --uuid <batch-uuid> --output-node-slug <slug>', '<%= config.bin %> orchestration batch download --uuid <batch-uuid> --output-node-slug end'],
  download: true,
})
