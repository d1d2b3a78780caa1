import { connectMcpClient } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: connectMcpClient,
  summary: 'Connect to an MCP server as a client would and list the tools it offers.',
  examples: ["<%= config.bin %> ai mcp-client connect --mcp-client '{\"kind\":\"custom\",\"name\":\"Internal Tools\",\"url\":\"https://mcp.example.com\",\"authentication\":null,\"disabledToolSlugs\":[]}'"],
})
