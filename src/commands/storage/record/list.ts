import { listRecords } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRecords,
  summary: 'List the records of a model, unfiltered (filters: segmentation segment fetch).',
  examples: [
    '<%= config.bin %> storage record list --model-uuid <uuid>',
  ],
})
