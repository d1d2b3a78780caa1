import * as Flags from '@oclif/core/flags'
import { listWorkspaces } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace workspace list'],
  endpoint: listWorkspaces,
  summary: 'List the workspaces you can access (their uuid is what login --workspace-uuid takes).',
  description: `--refresh is never sent: the official client uses it to renew an OAuth access token before the call,
so that a workspace you were just added to shows up. An API token is not renewed; the flag changes nothing then.`,
  examples: ['<%= config.bin %> workspaceManagement workspace list', '<%= config.bin %> workspaceManagement workspace list --query "workspaces[].{uuid: uuid, name: name}"'],
  extraFlags: {
    refresh: Flags.boolean({ summary: 'Renew the access token before the call (OAuth sessions; no effect with an API token).' }),
  },
})
