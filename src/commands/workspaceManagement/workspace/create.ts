import { createWorkspace } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace workspace create'],
  endpoint: createWorkspace,
  summary: 'Create a new workspace, with you as its admin.',
  examples: [
    '<%= config.bin %> workspaceManagement workspace create --name "Acme Sales"',
    `<%= config.bin %> workspaceManagement workspace create --name "Acme Sales" --metadata '{"mainGoal":["enrichment"]}'`,
  ],
})
