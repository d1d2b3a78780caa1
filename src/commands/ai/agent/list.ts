import { listAgents } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listAgents,
  summary: 'List the AI agents of the workspace, each with its live (deployed) configuration.',
  examples: ['<%= config.bin %> ai agent list'],
})
