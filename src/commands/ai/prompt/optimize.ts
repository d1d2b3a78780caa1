import { optimizePrompt } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: optimizePrompt,
  summary: 'Have a prompt rewritten into a clearer, more effective one.',
  examples: ['<%= config.bin %> ai prompt optimize --prompt "find the vp of sales at acme"'],
})
