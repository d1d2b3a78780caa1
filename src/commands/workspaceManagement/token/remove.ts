import { removeToken } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace token remove'],
  endpoint: removeToken,
  summary: 'Revoke an API token: it stops working at once.',
  examples: ['<%= config.bin %> workspaceManagement token remove <token-uuid>'],
  args: { uuid: 'Token UUID' },
})
