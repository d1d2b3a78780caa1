import { getMcpServer } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getMcpServer,
  summary: 'Show one MCP server.',
  examples: ['<%= config.bin %> ai mcp-server get <mcp-server-uuid>'],
  args: { uuid: 'MCP server UUID' },
})
