import { listBatches } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listBatches,
  summary: 'List batches, filtered by workflow, status and more.',
  examples: ['<%= config.bin %> orchestration batch list --workflow-uuids <tool.workflowUuid> --statuses running'],
})
