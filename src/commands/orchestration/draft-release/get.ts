import { getDraftRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDraftRelease,
  summary: "Get a workflow's draft (unpublished) release, including its nodes.",
  examples: ['<%= config.bin %> orchestration draft-release get --workflow-uuid <tool.workflowUuid>', '<%= config.bin %> orchestration draft-release get --workflow-uuid <play.workflowUuid>'],
})
