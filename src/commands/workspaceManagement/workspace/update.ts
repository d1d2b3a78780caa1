import { updateCurrentWorkspace } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace workspace update'],
  endpoint: updateCurrentWorkspace,
  summary: 'Change settings of the current workspace; only the flags given are sent.',
  examples: [
    '<%= config.bin %> workspaceManagement workspace update --name "Acme Revenue"',
    '<%= config.bin %> workspaceManagement workspace update --allowed-email-domains acme.com,acme.io --allowed-login-providers google-oauth2,okta',
    `<%= config.bin %> workspaceManagement workspace update --syncs '[{"domain":"storage","cron":"0 * * * *"}]'`,
  ],
  // syncs copied from workspace get-current carry the server's schedule ids, which an update never sends
  prepare: async (payload) =>
    payload.syncs ? { ...payload, syncs: payload.syncs.map(({ temporalScheduleWorkflowId: _id, ...sync }) => sync) } : payload,
})
