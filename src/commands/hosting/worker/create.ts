import { createWorker } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createWorker,
  summary: 'Reserve a worker (name and slug) in the workspace; it serves nothing until a deployment is promoted.',
  examples: [
    '<%= config.bin %> hosting worker create --name "Pipeline worker" --slug pipeline-worker --folder-uuid 00000000-0000-4000-8000-000000071002',
    `<%= config.bin %> hosting worker create --name "Nightly sync" --slug nightly-sync --triggers '[{"type":"cron","name":"nightly","cron":"0 2 * * *","path":"/sync","method":"POST"}]'`,
  ],
})
