import { removeApp } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeApp,
  summary: 'Delete a app and every deployment of it; its URL stops answering.',
  examples: [
    '<%= config.bin %> hosting app remove 00000000-0000-4000-8000-000000071101',
  ],
  args: { uuid: 'App UUID' },
})
