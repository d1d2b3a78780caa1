import { listUsers } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listUsers,
  summary: 'List the members of the workspace, each with its role (role.slug) and permissions.',
  examples: ['<%= config.bin %> workspace user list', '<%= config.bin %> workspace user list --query "users[].{email: email, role: role.slug}"'],
})
