import { getApp } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getApp,
  summary: 'Show one app: its live URL and the deployment that is promoted.',
  examples: [
    '<%= config.bin %> hosting app get 00000000-0000-4000-8000-000000071101',
    '<%= config.bin %> hosting app get 00000000-0000-4000-8000-000000071101 --query app.url --raw',
  ],
  args: { uuid: 'App UUID' },
})
