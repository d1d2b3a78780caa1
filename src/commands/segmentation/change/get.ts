import { getChange } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getChange,
  summary: 'Show one change of a segment with its counts.',
  examples: [
    '<%= config.bin %> segmentation change get <change-uuid>',
  ],
  args: { uuid: 'Change UUID' },
})
