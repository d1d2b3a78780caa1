import { evaluatePrompt } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: evaluatePrompt,
  summary: 'Check a prompt against the actions, resources and capabilities it will run with.',
  description: 'The answer holds the checked prompt, or an errorMessage saying what is wrong. A flag left out sends [].',
  examples: [
    `<%= config.bin %> ai prompt evaluate --prompt "Enrich the company with @enrich" --actions '[{"kind":"tool","slug":"enrich","toolUuid":"<tool-uuid>","config":{}}]'`,
  ],
  prepare: async (payload) => ({
    ...payload,
    actions: payload.actions ?? [],
    resources: payload.resources ?? [],
    capabilities: payload.capabilities ?? [],
  }),
})
