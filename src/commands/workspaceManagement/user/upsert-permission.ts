import { upsertUserPermission } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace user upsert-permission'],
  endpoint: upsertUserPermission,
  summary: 'Allow or deny one scope on one resource to members, by UUID or by email.',
  description: 'People named by an email that is not yet in the workspace are added to it.',
  examples: [
    '<%= config.bin %> workspaceManagement user upsert-permission --user-uuids <uuid> --action orchestration:workflow:write --resource-uuid <workflow-uuid> --effect allow',
    '<%= config.bin %> workspaceManagement user upsert-permission --emails ana@example.com,bo@example.com --action storage:read --resource-uuid <model-uuid> --effect deny',
  ],
})
