import { listRuns } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRuns,
  summary: 'List model sync runs, optionally of one model or in some statuses.',
  examples: [
    '<%= config.bin %> storage run list --model-uuid <model-uuid> --statuses running,pending',
  ],
})
