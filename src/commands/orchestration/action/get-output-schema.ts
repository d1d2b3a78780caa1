import { getActionOutputSchema } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getActionOutputSchema,
  summary: 'Resolve the JSON Schema of what an action returns, without running it.',
  description: `--action takes the action as action list prints it; --data the inputs as action execute takes them, for
actions whose output depends on them. An action without config is sent with an empty one: some API versions
answer 400 without it, and none reads it (spec note on this command).`,
  examples: [
    `<%= config.bin %> orchestration action get-output-schema --action '{"kind":"connector","integrationSlug":"clearbit","actionSlug":"company_enrich"}'`,
    `<%= config.bin %> orchestration action get-output-schema --action '{"kind":"tool","toolUuid":"<tool-uuid>"}' --data '{"domain":"acme.com"}'`,
  ],
  // the docs disagree on whether this call still needs config: {}; an empty config satisfies both readings
  prepare: async (payload) => ({ ...payload, action: { ...payload.action, config: payload.action.config ?? {} } }),
})
