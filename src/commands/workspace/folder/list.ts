import { listFolders } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listFolders,
  summary: 'List the folders that organise plays, tools, agents, files and other resources.',
  examples: ['<%= config.bin %> workspace folder list', `<%= config.bin %> workspace folder list --query "folders[?kind=='play']"`],
})
