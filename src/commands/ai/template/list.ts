import { listTemplates } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listTemplates,
  summary: 'List the AI templates: ready-made agent and MCP-server setups to start from.',
  examples: ['<%= config.bin %> ai template list'],
})
