import { updateTool } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateTool,
  summary: "Update a tool's settings.",
  examples: ['<%= config.bin %> orchestration tool update --uuid <uuid> --name "Company enrichment v2"'],
})
