import { createRun } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createRun,
  summary: 'Start a sync run of a model (a storage run, not a workflow run).',
  examples: [
    '<%= config.bin %> storage run create --model-uuid <model-uuid>',
    '<%= config.bin %> storage run create --model-uuid <model-uuid> --is-force',
  ],
})
