import { updateToken } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace token update'],
  endpoint: updateToken,
  summary: 'Rename a token, or change its description or permissions; only the flags given are sent.',
  examples: [
    '<%= config.bin %> workspaceManagement token update --uuid <token-uuid> --name "CI (read only)"',
    '<%= config.bin %> workspaceManagement token update --uuid <token-uuid> --permissions null',
  ],
})
