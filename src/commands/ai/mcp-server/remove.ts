import { removeMcpServer } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeMcpServer,
  summary: 'Delete an MCP server (read-only ones cannot be).',
  examples: ['<%= config.bin %> ai mcp-server remove <mcp-server-uuid>'],
  args: { uuid: 'MCP server UUID' },
})
