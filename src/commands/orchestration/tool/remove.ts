import { removeTool } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeTool,
  summary: 'Delete a tool.',
  examples: ['<%= config.bin %> orchestration tool remove <uuid>'],
  args: { uuid: 'Tool UUID' },
})
