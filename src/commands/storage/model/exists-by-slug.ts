import { modelExistsBySlug } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: modelExistsBySlug,
  summary: 'Tell whether a dataset already has a model with this slug.',
  examples: [
    '<%= config.bin %> storage model exists-by-slug --slug companies --dataset-uuid <dataset-uuid>',
  ],
})
