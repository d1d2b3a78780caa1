import { executeAction } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForRun } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: executeAction,
  summary: 'Run one action (tool, connector, agent or native) on a single record without building a workflow; starts a run.',
  description: `The action object names what to run and needs no config: its inputs go in --data (a JSON object, sent as {}
when left out). The API ignores inputs put in the action's config.`,
  examples: ["<%= config.bin %> orchestration action execute --action '{\"kind\":\"tool\",\"toolUuid\":\"<uuid>\",\"config\":{}}' --data '{\"domain\":\"acme.com\"}'", "<%= config.bin %> orchestration action execute --action '{\"kind\":\"connector\",\"integrationSlug\":\"clearbit\",\"actionSlug\":\"company_enrich\",\"config\":{}}' --data '{\"domain\":\"acme.com\"}' --wait-until-finished", "<%= config.bin %> orchestration action execute --action '{\"kind\":\"agent\",\"agentUuid\":\"<agent-uuid>\",\"config\":{}}' --data '{\"company\":\"Acme Corp\"}'"],
  wait: waitForRun,
  // the API requires data; search actions are called without input, so a missing --data is sent as {}
  prepare: async (payload) => ({ ...payload, data: payload.data ?? {} }),
})
