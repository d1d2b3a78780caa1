import { removeSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeSegment,
  summary: 'Delete a segment (refused while a play uses it).',
  examples: [
    '<%= config.bin %> segmentation segment remove <segment-uuid>',
  ],
  args: { uuid: 'Segment UUID' },
})
