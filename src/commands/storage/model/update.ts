import { updateModel } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateModel,
  summary: 'Change a model: name, description, configuration, schedule, unification, position or folder (only the flags given are sent).',
  examples: [
    '<%= config.bin %> storage model update --uuid <model-uuid> --name "New Name"',
    '<%= config.bin %> storage model update --uuid <model-uuid> --name "Qualified Prospects"',
  ],
})
