import { removeUser } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeUser,
  summary: 'Remove a member from the workspace.',
  description: 'The workspace keeps at least one admin: removing the last one fails.',
  examples: ['<%= config.bin %> workspace user remove --user-uuid <uuid>'],
})
