import { getCurrentUser } from '../../../api/endpoints/user-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getCurrentUser,
  summary: 'Show your own profile, independent of any workspace.',
  description: 'Sent without the selected workspace. For your role in the workspace, see workspace user get-current.',
  examples: ['<%= config.bin %> workspace current-user get'],
})
