import { describeFilterOperators } from '../../../api/schemas/filter-operators.js'
import { updateSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateSegment,
  summary: "Change a segment's name, filter, sort, limit or columns (only the flags given are sent).",
  description: describeFilterOperators(),
  examples: [
    '<%= config.bin %> segmentation segment update --uuid <segment-uuid> --name "Updated Name"',
    `<%= config.bin %> segmentation segment update --uuid <segment-uuid> --filter '{"conjonction":"and","groups":[]}'`,
  ],
})
