import * as Flags from '@oclif/core/flags'
import { listModels } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listModels,
  summary: 'List the models (tables) of the workspace, optionally those of one dataset.',
  examples: ['<%= config.bin %> storage model list', '<%= config.bin %> storage model list --dataset-uuid <dataset-uuid>'],
  extraFlags: {
    'dataset-uuid': Flags.string({ summary: 'Keep only the models of this dataset (filtered here: the API takes no filter).' }),
  },
  filterResult: (result, flags) =>
    flags['dataset-uuid'] ? { ...result, models: result.models.filter((model) => model.datasetUuid === flags['dataset-uuid']) } : result,
})
