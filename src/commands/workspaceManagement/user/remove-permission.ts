import { removeUserPermission } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user remove-permission'],
  endpoint: removeUserPermission,
  summary: "Remove a member's allow or deny permission on a resource.",
  examples: ['<%= config.bin %> workspaceManagement user remove-permission --user-uuid <uuid> --resource-uuid <resource-uuid> --effect allow'],
})
