import { removeWorker } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeWorker,
  summary: 'Delete a worker and every deployment of it; its URL stops answering.',
  examples: [
    '<%= config.bin %> hosting worker remove 00000000-0000-4000-8000-000000071201',
  ],
  args: { uuid: 'Worker UUID' },
})
