import { getPromotedDeployment } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getPromotedDeployment,
  summary: 'Show the deployment that is live for an app or a worker.',
  examples: [
    '<%= config.bin %> hosting deployment get-promoted --app-uuid 00000000-0000-4000-8000-000000071101',
    '<%= config.bin %> hosting deployment get-promoted --worker-uuid 00000000-0000-4000-8000-000000071201',
  ],
})
