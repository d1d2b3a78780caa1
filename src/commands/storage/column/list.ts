import { listColumns } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listColumns,
  summary: 'List the column slugs of a model (the API answers slugs, not column objects).',
  examples: [
    '<%= config.bin %> storage column list --model-uuid <uuid>',
  ],
})
