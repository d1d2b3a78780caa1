import { createUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user create'],
  endpoint: createUser,
  summary: 'Invite someone to the workspace by email, with a role.',
  description: 'The invitee gets an email and must accept it. Role slugs come from workspaceManagement role list.',
  examples: ['<%= config.bin %> workspaceManagement user create --user-email user@example.com --role-slug member'],
})
