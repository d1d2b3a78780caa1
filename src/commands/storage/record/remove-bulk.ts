import { removeRecordsBulk } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeRecordsBulk,
  summary: 'Delete several records of a model in one call.',
  examples: [
    '<%= config.bin %> storage record remove-bulk --model-uuid <model-uuid> --ids company_1,company_2',
  ],
})
