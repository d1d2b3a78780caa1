import { createBatch } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForBatch } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: createBatch,
  summary: 'Start a batch: run a workflow (or an ad-hoc node graph) over many records.',
  examples: ["<%= config.bin %> orchestration batch create --workflow-uuid <play.workflowUuid> --data '{\"kind\":\"segment\",\"segmentUuid\":\"<segment-uuid>\"}'", "<%= config.bin %> orchestration batch create --workflow-uuid <tool.workflowUuid> --data '{\"kind\":\"file\",\"s3Filename\":\"<s3-filename>\"}'", "<%= config.bin %> orchestration batch create --workflow-uuid <play.workflowUuid> --data '{\"kind\":\"segment\",\"segmentUuid\":\"<segment-uuid>\"}' --wait-until-finished"],
  exclusive: [['nodes', 'release-uuid']],
  wait: waitForBatch,
})
