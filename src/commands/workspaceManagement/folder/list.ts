import { listFolders } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace folder list'],
  endpoint: listFolders,
  summary: 'List the folders that organise plays, tools, agents, files and other resources.',
  examples: ['<%= config.bin %> workspaceManagement folder list', `<%= config.bin %> workspaceManagement folder list --query "folders[?kind=='play']"`],
})
