import { createFolder } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace folder create'],
  endpoint: createFolder,
  summary: 'Create a folder for one kind of resource.',
  examples: [
    '<%= config.bin %> workspaceManagement folder create --name "Q1 Campaigns" --emoji-slug rocket --kind play',
    '<%= config.bin %> workspaceManagement folder create --name "Enrichment" --emoji-slug mag --kind tool --parent-uuid <folder-uuid>',
  ],
})
