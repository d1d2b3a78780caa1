import { createRecordsBulk } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createRecordsBulk,
  summary: 'Add several records to a model in one call.',
  examples: [
    `<%= config.bin %> storage record create-bulk --model-uuid <model-uuid> --records '[{"data":{"name":"Acme"}},{"data":{"name":"Globex"}}]'`,
  ],
})
