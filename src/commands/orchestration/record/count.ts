import { countRecords } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countRecords,
  summary: 'Count the records processed by a workflow, with the same filters as record list.',
  examples: ['<%= config.bin %> orchestration record count --workflow-uuid <uuid>'],
})
