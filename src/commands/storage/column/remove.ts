import { removeColumn } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeColumn,
  summary: 'Delete a column of a model.',
  examples: [
    '<%= config.bin %> storage column remove --model-uuid <uuid> --column-slug <slug>',
    '<%= config.bin %> storage column remove --model-uuid <uuid> --column-slug website_url',
  ],
})
