import { updateApp } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateApp,
  summary: 'Rename a app, change its description or move it to another folder (the slug stays).',
  examples: [
    '<%= config.bin %> hosting app update --uuid 00000000-0000-4000-8000-000000071101 --name "Renamed app"',
    '<%= config.bin %> hosting app update --uuid 00000000-0000-4000-8000-000000071101 --folder-uuid null',
  ],
})
