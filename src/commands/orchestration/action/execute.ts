import { executeAction } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForRun } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: executeAction,
  summary: 'Run one action (tool, connector, agent or native) on a single record without building a workflow; starts a run.',
  examples: ["<%= config.bin %> orchestration action execute --action '{\"kind\":\"tool\",\"toolUuid\":\"<uuid>\",\"config\":{}}' --data '{\"domain\":\"acme.com\"}'", "<%= config.bin %> orchestration action execute --action '{\"kind\":\"connector\",\"integrationSlug\":\"clearbit\",\"actionSlug\":\"company_enrich\",\"config\":{}}' --data '{\"domain\":\"acme.com\"}' --wait-until-finished", "<%= config.bin %> orchestration action execute --action '{\"kind\":\"agent\",\"agentUuid\":\"<agent-uuid>\",\"config\":{}}' --data '{\"company\":\"Acme Corp\"}'"],
  wait: waitForRun,
})
