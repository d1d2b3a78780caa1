import { createFolder } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createFolder,
  summary: 'Create a folder for one kind of resource.',
  examples: [
    '<%= config.bin %> workspace folder create --name "Q1 Campaigns" --emoji-slug rocket --kind play',
    '<%= config.bin %> workspace folder create --name "Enrichment" --emoji-slug mag --kind tool --parent-uuid <folder-uuid>',
  ],
})
