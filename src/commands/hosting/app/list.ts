import { listApps } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listApps,
  summary: 'List the apps the workspace hosts, with their live URLs.',
  examples: [
    '<%= config.bin %> hosting app list',
    '<%= config.bin %> hosting app list --folder-uuid 00000000-0000-4000-8000-000000071001',
    `<%= config.bin %> hosting app list --query 'apps[].{slug: slug, url: url}'`,
  ],
})
