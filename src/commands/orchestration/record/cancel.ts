import { cancelRecords } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelRecords,
  summary: 'Cancel in-flight records of a workflow, by ID or by filter.',
  examples: ['<%= config.bin %> orchestration record cancel --workflow-uuid <uuid> --ids record-id-1,record-id-2'],
})
