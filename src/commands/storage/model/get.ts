import { getModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getModel,
  summary: 'Show a model with its source columns and added columns.',
  examples: [
    '<%= config.bin %> storage model get <model-uuid>',
  ],
  args: { uuid: 'Model UUID' },
})
