import { validateNodes } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: validateNodes,
  summary: 'Check a node graph for structural errors before running or deploying it.',
  examples: ["<%= config.bin %> orchestration node validate --nodes '[...]'"],
})
