import { downloadRecords } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadRecords,
  summary: "Get a signed link to a file with a workflow's records.",
  examples: ['<%= config.bin %> orchestration record download --workflow-uuid <uuid>'],
  download: true,
})
