import { updateMcpServer } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateMcpServer,
  summary: "Change an MCP server's name, description, actions, resources or folder; only the flags given change.",
  examples: [
    '<%= config.bin %> ai mcp-server update --uuid <mcp-server-uuid> --name "Updated Name"',
    '<%= config.bin %> ai mcp-server update --uuid <mcp-server-uuid> --name "Production Tools"',
  ],
})
