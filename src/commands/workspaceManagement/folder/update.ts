import { updateFolder } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace folder update'],
  endpoint: updateFolder,
  summary: 'Rename a folder, change its emoji or position, or move it under another folder.',
  examples: [
    '<%= config.bin %> workspaceManagement folder update --uuid <folder-uuid> --name "Q1 2025 Campaigns"',
    '<%= config.bin %> workspaceManagement folder update --uuid <folder-uuid> --parent-uuid null',
  ],
})
