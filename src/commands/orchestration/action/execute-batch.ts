import { executeActionBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForBatch } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: executeActionBatch,
  summary: 'Run one action on many records at once; starts a batch.',
  description: "The action object needs no config: each record of --records is one run's input. The API ignores inputs put in the action's config.",
  examples: ["<%= config.bin %> orchestration action execute-batch --action '{\"kind\":\"connector\",\"integrationSlug\":\"clearbit\",\"actionSlug\":\"company_enrich\",\"config\":{}}' --records '[{\"domain\":\"acme.com\"},{\"domain\":\"globex.com\"}]'", "<%= config.bin %> orchestration action execute-batch --action '{\"kind\":\"tool\",\"toolUuid\":\"<tool-uuid>\",\"config\":{}}' --records '[{\"domain\":\"acme.com\"},{\"domain\":\"globex.com\"}]' --wait-until-finished", "<%= config.bin %> orchestration action execute-batch --action '{\"kind\":\"tool\",\"toolUuid\":\"<tool-uuid>\",\"config\":{}}' --records '[{\"domain\":\"acme.com\"},{\"domain\":\"globex.com\"},{\"domain\":\"initech.com\"}]'"],
  wait: waitForBatch,
})
