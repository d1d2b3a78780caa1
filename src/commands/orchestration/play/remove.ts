import { removePlay } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removePlay,
  summary: 'Delete a play (and its segment).',
  examples: ['<%= config.bin %> orchestration play remove <uuid>'],
  args: { uuid: 'Play UUID' },
})
