import { createApp } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createApp,
  summary: 'Reserve a app (name and slug) in the workspace; it serves nothing until a deployment is promoted.',
  examples: [
    '<%= config.bin %> hosting app create --name "Pipeline app" --slug pipeline-app --folder-uuid 00000000-0000-4000-8000-000000071001',
  ],
})
