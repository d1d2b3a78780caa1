import { getTemplate } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getTemplate,
  summary: 'Get one workflow template with its node graph.',
  examples: ['<%= config.bin %> orchestration template get <slug>', '<%= config.bin %> orchestration template get company-enrichment', '<%= config.bin %> orchestration template get company-enrichment'],
  args: { slug: 'Template slug' },
})
