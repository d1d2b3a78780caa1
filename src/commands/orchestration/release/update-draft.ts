import { updateDraftRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['orchestration draft-release update'],
  endpoint: updateDraftRelease,
  summary: "Save a new node graph (and other settings) into a workflow's draft release, without deploying.",
  examples: ["<%= config.bin %> orchestration release update-draft --workflow-uuid <tool.workflowUuid> --nodes '[...your updated node graph...]'", "<%= config.bin %> orchestration release update-draft --workflow-uuid <play.workflowUuid> --nodes '[...]'"],
})
