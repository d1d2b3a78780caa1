import { listUsers } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user list'],
  endpoint: listUsers,
  summary: 'List the members of the workspace, each with its role (role.slug) and permissions.',
  examples: ['<%= config.bin %> workspaceManagement user list', '<%= config.bin %> workspaceManagement user list --query "users[].{email: email, role: role.slug}"'],
})
