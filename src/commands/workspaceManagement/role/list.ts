import { listRoles } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace role list'],
  endpoint: listRoles,
  summary: 'List the roles members can have; use their slug with user create and user update.',
  examples: ['<%= config.bin %> workspaceManagement role list'],
})
