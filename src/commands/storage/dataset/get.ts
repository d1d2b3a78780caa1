import { getDataset } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDataset,
  summary: 'Show a dataset.',
  examples: [
    '<%= config.bin %> storage dataset get <dataset-uuid>',
  ],
  args: { uuid: 'Dataset UUID' },
})
