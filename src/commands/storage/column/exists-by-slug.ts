import { columnExistsBySlug } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: columnExistsBySlug,
  summary: 'Tell whether a model already has a column with this slug.',
  examples: [
    '<%= config.bin %> storage column exists-by-slug --model-uuid <model-uuid> --column-slug website_url',
  ],
  flagOverrides: { slug: { name: 'column-slug' } },
})
