import { listSegments } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listSegments,
  summary: 'List the segments: saved filters over the records of a model.',
  examples: [
    '<%= config.bin %> segmentation segment list',
  ],
})
