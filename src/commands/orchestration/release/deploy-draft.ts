import { deployDraftRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['orchestration draft-release deploy'],
  endpoint: deployDraftRelease,
  summary: "Publish a workflow's draft release so new runs use it.",
  examples: ["<%= config.bin %> orchestration release deploy-draft --workflow-uuid <tool.workflowUuid> --nodes '[...your updated node graph...]' --form-fields 'null' --description \"Your release description\"", "<%= config.bin %> orchestration release deploy-draft --workflow-uuid <tool.workflowUuid> --nodes '[...validated nodes...]' --form-fields 'null' --description \"Based on company-enrichment template\"", "<%= config.bin %> orchestration release deploy-draft --workflow-uuid <play.workflowUuid> --nodes '[...]' --form-fields 'null' --description \"Fix branch condition\""],
})
