import { getWorker } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getWorker,
  summary: 'Show one worker: its live URL and the deployment that is promoted.',
  examples: [
    '<%= config.bin %> hosting worker get 00000000-0000-4000-8000-000000071201',
    '<%= config.bin %> hosting worker get 00000000-0000-4000-8000-000000071201 --query worker.url',
  ],
  args: { uuid: 'Worker UUID' },
})
