import { getCurrentWorkspace } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace workspace get-current'],
  endpoint: getCurrentWorkspace,
  summary: "Show the workspace the CLI works in (the selected one, else the token's own).",
  examples: ['<%= config.bin %> workspaceManagement workspace get-current'],
})
