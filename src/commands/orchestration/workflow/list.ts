import { listWorkflows } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listWorkflows,
  summary: 'List all workflows (UUIDs, linked play/tool, last batch, deployed release; no names).',
  examples: ['<%= config.bin %> orchestration workflow list'],
})
