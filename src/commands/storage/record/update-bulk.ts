import { updateRecordsBulk } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateRecordsBulk,
  summary: 'Change values of several records in one call.',
  examples: [
    `<%= config.bin %> storage record update-bulk --model-uuid <model-uuid> --records '[{"id":"company_1","data":{"country":"FR"}}]'`,
  ],
})
