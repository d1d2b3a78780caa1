import { listTemplates } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listTemplates,
  summary: 'List workflow templates (slug, name, kind).',
  examples: ['<%= config.bin %> orchestration template list'],
})
