import { updateRecord } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateRecord,
  summary: 'Change values of one record.',
  examples: [
    `<%= config.bin %> storage record update --model-uuid <model-uuid> --id company_1 --data '{"country":"FR"}'`,
  ],
})
