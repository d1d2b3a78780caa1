import { updateUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user update'],
  endpoint: updateUser,
  summary: "Change a member's role.",
  examples: ['<%= config.bin %> workspaceManagement user update --user-uuid <uuid> --role-slug admin'],
})
