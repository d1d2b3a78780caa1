import { removeUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user remove'],
  endpoint: removeUser,
  summary: 'Remove a member from the workspace.',
  description: 'The workspace keeps at least one admin: removing the last one fails.',
  examples: ['<%= config.bin %> workspaceManagement user remove --user-uuid <uuid>'],
})
