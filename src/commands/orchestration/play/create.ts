import { createPlay } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createPlay,
  summary: 'Create a play on a model (and its segment).',
  examples: ['<%= config.bin %> orchestration play create --name "New US companies" --model-uuid <model-uuid> --change-kinds added --run-creation-rule once'],
})
