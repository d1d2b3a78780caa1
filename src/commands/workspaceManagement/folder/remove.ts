import { removeFolder } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace folder remove'],
  endpoint: removeFolder,
  summary: 'Delete a folder; move or delete what it holds first.',
  examples: ['<%= config.bin %> workspaceManagement folder remove <folder-uuid>'],
  args: { uuid: 'Folder UUID' },
})
