import { listMcpServers } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listMcpServers,
  summary: 'List the MCP servers of the workspace and what they expose.',
  examples: ['<%= config.bin %> ai mcp-server list'],
})
