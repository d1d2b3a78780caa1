import { previewBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: previewBatch,
  summary: 'Preview which records a batch would process, without starting it.',
  examples: ['<%= config.bin %> orchestration batch preview --workflow-uuid <play.workflowUuid> --data \'{"kind":"segment","segmentUuid":"<segment-uuid>"}\''],
})
