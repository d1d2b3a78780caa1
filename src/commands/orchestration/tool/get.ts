import { getTool } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getTool,
  summary: 'Get one tool.',
  examples: ['<%= config.bin %> orchestration tool get <uuid>'],
  args: { uuid: 'Tool UUID' },
})
