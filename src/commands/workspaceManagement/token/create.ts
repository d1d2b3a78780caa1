import * as Flags from '@oclif/core/flags'
import { createToken } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace token create'],
  endpoint: createToken,
  summary: 'Create an API token; its secret value is shown only in this answer, so store it now.',
  description: `Without --permissions the token mirrors the permissions of the user who creates it (the API receives
permissions: null). --from-user, from older versions, is still accepted and means the same.`,
  examples: [
    '<%= config.bin %> workspaceManagement token create --name "CI/CD pipeline"',
    '<%= config.bin %> workspaceManagement token create --name ci --description "CI pipeline" --query token.token --raw',
    `<%= config.bin %> workspaceManagement token create --name reader --permissions '[{"effect":"allow","resources":null,"actions":["storage:read"]}]'`,
  ],
  extraFlags: {
    // gone from the newest CLI; kept hidden so that older scripts still parse
    'from-user': Flags.boolean({ hidden: true }),
  },
  prepare: async (payload) => ({ ...payload, permissions: payload.permissions ?? null }),
})
