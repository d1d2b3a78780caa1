import { getFolder } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace folder get'],
  endpoint: getFolder,
  summary: 'Show one folder.',
  examples: ['<%= config.bin %> workspaceManagement folder get <folder-uuid>'],
  args: { uuid: 'Folder UUID' },
})
