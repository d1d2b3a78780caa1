import { getSegment } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getSegment,
  summary: 'Show a segment with its filter, record count and last change.',
  examples: [
    '<%= config.bin %> segmentation segment get <segment-uuid>',
  ],
  args: { uuid: 'Segment UUID' },
})
