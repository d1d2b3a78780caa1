import * as Flags from '@oclif/core/flags'
import { createToken } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

/** The API requires a name; the documented `token create --from-user` gives none. */
const DEFAULT_TOKEN_NAME = 'cargo-ai CLI token'

export default defineCommand({
  endpoint: createToken,
  summary: 'Create an API token; its secret value is shown only in this answer, so store it now.',
  description: `Without --permissions (or with --from-user) the token mirrors the permissions of the user who
creates it (the API receives permissions: null). Without --name it is named "${DEFAULT_TOKEN_NAME}".`,
  examples: [
    '<%= config.bin %> workspace token create --from-user',
    '<%= config.bin %> workspace token create --name ci --description "CI pipeline" --query token.token',
    `<%= config.bin %> workspace token create --name reader --permissions '[{"effect":"allow","resources":null,"actions":["storage:read"]}]'`,
  ],
  extraFlags: {
    'from-user': Flags.boolean({
      summary: "Give the token the signed-in user's own permissions (sends permissions: null).",
      exclusive: ['permissions'],
    }),
  },
  exclusive: [['from-user', 'permissions']],
  prepare: async (payload) => ({ ...payload, name: payload.name ?? DEFAULT_TOKEN_NAME, permissions: payload.permissions ?? null }),
})
