import { getRelease } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRelease,
  summary: 'Show one agent release with its whole configuration.',
  examples: ['<%= config.bin %> ai release get <release-uuid>'],
  args: { uuid: 'Release UUID' },
})
