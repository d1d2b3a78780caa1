import { getCurrentWorkspaceUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user get-current'],
  endpoint: getCurrentWorkspaceUser,
  summary: 'Show yourself as a member of the current workspace, with your role and permissions.',
  examples: ['<%= config.bin %> workspaceManagement user get-current'],
})
