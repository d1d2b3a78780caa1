import { removeRecord } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeRecord,
  summary: 'Delete one record of a model.',
  examples: [
    '<%= config.bin %> storage record remove --model-uuid <model-uuid> --id company_1',
  ],
})
