import { fetchRecords } from '../../../api/endpoints/segmentation.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: fetchRecords,
  summary: 'Fetch records of a model by their ids (null values are printed as they come).',
  examples: [
    '<%= config.bin %> segmentation record fetch --model-uuid <model-uuid> --ids company_1,company_2',
  ],
})
