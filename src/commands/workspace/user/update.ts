import { updateUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateUser,
  summary: "Change a member's role.",
  examples: ['<%= config.bin %> workspace user update --user-uuid <uuid> --role-slug admin'],
})
