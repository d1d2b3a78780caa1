import { previewModelCount } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: previewModelCount,
  summary: 'Count the records an extractor configuration would load, without creating a model.',
  examples: [
    "<%= config.bin %> storage model preview-count --dataset-uuid <dataset-uuid> --slug companies --config '{}'",
  ],
})
