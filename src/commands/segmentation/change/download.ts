import { downloadChange } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadChange,
  summary: 'Export the records of a segment change, by kind of change, and stream them out.',
  examples: [
    '<%= config.bin %> segmentation change download --uuid <change-uuid> --kinds added',
    '<%= config.bin %> segmentation change download --uuid <change-uuid> --kinds added,removed --url-only',
  ],
  download: true,
})
