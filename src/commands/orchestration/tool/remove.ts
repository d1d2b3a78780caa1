import { removeTool } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeTool,
  summary: 'Delete a tool.',
  examples: ['<%= config.bin %> orchestration tool remove'],
  args: { uuid: 'Tool UUID' },
})
