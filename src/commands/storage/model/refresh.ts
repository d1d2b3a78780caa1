import { refreshModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: refreshModel,
  summary: 'Sync a model from its source now.',
  examples: [
    '<%= config.bin %> storage model refresh <model-uuid>',
  ],
  args: { uuid: 'Model UUID' },
})
