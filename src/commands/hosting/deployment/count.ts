import { countDeployments } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countDeployments,
  summary: 'Count the deployments of one app or worker that match the filters.',
  examples: [
    '<%= config.bin %> hosting deployment count --app-uuid 00000000-0000-4000-8000-000000071101',
    '<%= config.bin %> hosting deployment count --app-uuid 00000000-0000-4000-8000-000000071101 --statuses error',
  ],
})
