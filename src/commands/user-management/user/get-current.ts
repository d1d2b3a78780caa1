import { getCurrentUser } from '../../../api/endpoints/user-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace current-user get'],
  endpoint: getCurrentUser,
  summary: 'Show your own profile, independent of any workspace.',
  description: 'Sent without the selected workspace. For your role in the workspace, see workspaceManagement user get-current.',
  examples: ['<%= config.bin %> user-management user get-current'],
})
