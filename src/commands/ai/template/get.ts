import { getTemplate } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getTemplate,
  summary: 'Show one AI template: its prompt, model settings, actions and resources.',
  examples: [
    '<%= config.bin %> ai template get <slug>',
    '<%= config.bin %> ai template get lead-researcher',
  ],
  args: { slug: 'Template slug (from `ai template list`)' },
})
