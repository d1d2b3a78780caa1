import { listModels } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'
import { uuidFlag } from '../../../cli/uuid-flag.js'

export default defineCommand({
  endpoint: listModels,
  summary: 'List the models (tables) of the workspace.',
  description: 'To keep the models of one dataset, filter on datasetUuid with --query (the API takes no filter).',
  examples: [
    '<%= config.bin %> storage model list',
    `<%= config.bin %> storage model list --query "models[?datasetUuid=='<dataset-uuid>'].{slug: slug, uuid: uuid}"`,
  ],
  extraFlags: {
    // older CLIs took --dataset-uuid; the newest takes no flag. Kept, hidden, for scripts written for the older one.
    'dataset-uuid': uuidFlag('dataset-uuid', { hidden: true, summary: 'Keep only the models of this dataset (filtered here).' }),
  },
  filterResult: (result, flags) =>
    flags['dataset-uuid'] ? { ...result, models: result.models.filter((model) => model.datasetUuid === flags['dataset-uuid']) } : result,
})
