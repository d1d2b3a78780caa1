import { updatePlay } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updatePlay,
  summary: "Update a play's settings.",
  examples: ['<%= config.bin %> orchestration play update --uuid <uuid> --name "Enrich new companies v2"'],
})
