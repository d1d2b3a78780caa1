import { listChanges } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listChanges,
  summary: 'List the changes recorded for segments (what entered, left, changed or stayed at each sync).',
  examples: [
    '<%= config.bin %> segmentation change list --segment-uuid <segment-uuid> --not-empty',
  ],
})
