import { listDeployments } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listDeployments,
  summary: 'List the deployments of one app or worker, newest first, with the total count.',
  examples: [
    '<%= config.bin %> hosting deployment list --app-uuid 00000000-0000-4000-8000-000000071101',
    '<%= config.bin %> hosting deployment list --worker-uuid 00000000-0000-4000-8000-000000071201 --statuses success,error --limit 5',
  ],
})
