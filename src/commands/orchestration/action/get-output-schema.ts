import { getActionOutputSchema } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getActionOutputSchema,
  summary: 'Get the JSON Schema of what an action returns.',
  examples: ['<%= config.bin %> orchestration action get-output-schema'],
})
