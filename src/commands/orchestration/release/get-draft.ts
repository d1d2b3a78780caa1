import { getDraftRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['orchestration draft-release get'],
  endpoint: getDraftRelease,
  summary: "Get a workflow's draft (unpublished) release, including its nodes.",
  examples: ['<%= config.bin %> orchestration release get-draft --workflow-uuid <tool.workflowUuid>', '<%= config.bin %> orchestration release get-draft --workflow-uuid <play.workflowUuid>'],
})
