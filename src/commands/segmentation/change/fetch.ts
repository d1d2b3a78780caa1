import { fetchChange } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: fetchChange,
  summary: 'Page through the records of a segment change, by kind of change.',
  examples: [
    '<%= config.bin %> segmentation change fetch --uuid <change-uuid> --kinds added,updated --limit 100',
  ],
})
