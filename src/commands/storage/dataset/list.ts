import { listDatasets } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listDatasets,
  summary: 'List the datasets of the workspace (each groups models; its slug prefixes table names).',
  examples: [
    '<%= config.bin %> storage dataset list',
  ],
})
