import { reorderColumn } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: reorderColumn,
  summary: 'Move a column of a model to another position (counted from 0).',
  examples: [
    '<%= config.bin %> storage column reorder --model-uuid <uuid> --column-slug <slug> --to-index 2',
    '<%= config.bin %> storage column reorder --model-uuid <uuid> --column-slug website_url --to-index 2',
  ],
})
