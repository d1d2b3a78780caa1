import { getRelease } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRelease,
  summary: 'Get one workflow release with its node graph.',
  examples: ['<%= config.bin %> orchestration release get <release-uuid>'],
  args: { uuid: 'Release UUID' },
})
