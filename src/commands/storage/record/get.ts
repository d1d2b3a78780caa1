import { getRecord } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRecord,
  summary: 'Show one record of a model by its id.',
  examples: [
    '<%= config.bin %> storage record get --model-uuid <model-uuid> --id company_1',
  ],
})
