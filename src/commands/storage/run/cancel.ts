import { cancelRun } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelRun,
  summary: 'Cancel a model sync run.',
  examples: [
    '<%= config.bin %> storage run cancel <run-uuid>',
  ],
  args: { uuid: 'Storage run UUID' },
})
