import { describeFilterOperators } from '../../../api/schemas/filter-operators.js'
import { createSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createSegment,
  summary: 'Create a segment: a filter (and optional sort, limit and tracked columns) over a model.',
  description: describeFilterOperators(),
  examples: [
    `<%= config.bin %> segmentation segment create --name "US companies" --model-uuid <model-uuid> --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"string","columnSlug":"country","operator":"is","values":["US"]}]}]}'`,
  ],
})
