import { listWorkers } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listWorkers,
  summary: 'List the workers the workspace hosts, with their live URLs.',
  examples: [
    '<%= config.bin %> hosting worker list',
    '<%= config.bin %> hosting worker list --folder-uuid 00000000-0000-4000-8000-000000071002',
    `<%= config.bin %> hosting worker list --query 'workers[].{slug: slug, url: url}'`,
  ],
})
