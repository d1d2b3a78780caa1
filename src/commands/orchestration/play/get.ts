import { getPlay } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getPlay,
  summary: 'Get one play.',
  examples: ['<%= config.bin %> orchestration play get <uuid>'],
  args: { uuid: 'Play UUID' },
})
