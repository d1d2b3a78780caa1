import { createRecord } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createRecord,
  summary: 'Add a record to a model.',
  examples: [
    `<%= config.bin %> storage record create --model-uuid <model-uuid> --data '{"name":"Acme","domain":"acme.com"}'`,
  ],
})
