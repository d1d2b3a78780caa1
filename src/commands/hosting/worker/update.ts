import { updateWorker } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateWorker,
  summary: 'Rename a worker, change its description, replace its cron triggers or move it to another folder (the slug stays).',
  examples: [
    '<%= config.bin %> hosting worker update --uuid 00000000-0000-4000-8000-000000071201 --name "Renamed worker"',
    '<%= config.bin %> hosting worker update --uuid 00000000-0000-4000-8000-000000071201 --folder-uuid null',
  ],
})
