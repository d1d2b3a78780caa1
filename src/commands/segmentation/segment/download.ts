import { describeFilterOperators } from '../../../api/schemas/filter-operators.js'
import { downloadSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadSegment,
  summary: 'Export the records of a model that match a filter and stream them out.',
  description: `Takes the model's UUID (a segment's modelUuid), not a segment UUID. The API answers signed URLs; their content goes to standard output, or to --output; --url-only prints the URLs instead.\n\n${describeFilterOperators()}`,
  examples: [
    `<%= config.bin %> segmentation segment download --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}'`,
    `<%= config.bin %> segmentation segment download --model-uuid <uuid> --filter '{"conjonction":"and","groups":[]}' --sort '[{"columnSlug":"created_at","kind":"desc"}]' --limit 1000`,
    `<%= config.bin %> segmentation segment download --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[]}' --sort '[{"columnSlug":"created_at","kind":"desc"}]' --limit 5000`,
    `<%= config.bin %> segmentation segment download --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"string","columnSlug":"status","operator":"is","values":["churned"]}]}]}'`,
    `<%= config.bin %> segmentation segment download --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"string","columnSlug":"email","operator":"isNotNull"}]}]}'`,
  ],
  download: true,
})
