import { listTokens } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace token list'],
  endpoint: listTokens,
  summary: "List the workspace's API tokens.",
  examples: ['<%= config.bin %> workspaceManagement token list'],
})
