import { removeModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeModel,
  summary: 'Delete a model (refused while segments or workflows still use it).',
  examples: [
    '<%= config.bin %> storage model remove <model-uuid>',
  ],
  args: { uuid: 'Model UUID' },
})
