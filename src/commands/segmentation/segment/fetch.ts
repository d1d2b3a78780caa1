import { describeFilterOperators } from '../../../api/schemas/filter-operators.js'
import { fetchSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: fetchSegment,
  summary: "Read a model's records live through a filter and sort, one page at a time.",
  description: `Takes the model's UUID (a segment's modelUuid), not a segment UUID. --fetching-limit and --fetching-offset page through the result; --limit caps the selection itself, as a segment's limit does.\n\n${describeFilterOperators()}`,
  examples: [
    `<%= config.bin %> segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 100`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 100 --fetching-offset 0`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 50 --fetching-offset 50`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[]}' --sort '[{"columnSlug":"created_at","kind":"desc"}]' --fetching-limit 100`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"string","columnSlug":"country","operator":"is","values":["US"]}]}]}' --fetching-limit 100`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"number","columnSlug":"employee_count","operator":"between","firstValue":50,"lastValue":200}]}]}' --fetching-limit 100`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"enrollment","workflowUuid":"<workflow-uuid>","activityKind":"workflowEntered","frequency":{"operator":"not"},"period":{"operator":"moreThan","value":0,"unit":"day"}}]}]}' --fetching-limit 100`,
    `<%= config.bin %> segmentation segment fetch --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[]}' --fetching-limit 50 --enrich --sync`,
  ],
})
