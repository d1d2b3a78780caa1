import { previewModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: previewModel,
  summary: 'Show the records and columns an extractor configuration would load, without creating a model.',
  examples: [
    "<%= config.bin %> storage model preview --dataset-uuid <dataset-uuid> --slug companies --config '{}'",
  ],
})
