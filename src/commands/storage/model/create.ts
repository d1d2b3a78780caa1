import { createModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createModel,
  summary: 'Create a model in a dataset, loaded by an extractor with its configuration.',
  examples: [
    `<%= config.bin %> storage model create --slug contacts --name "Contacts" --dataset-uuid <uuid> --extractor-slug <extractor-slug> --config '{}'`,
    `<%= config.bin %> storage model create --slug prospects --name "Prospects" --dataset-uuid <dataset-uuid> --extractor-slug <extractor-slug> --config '{}'`,
  ],
})
