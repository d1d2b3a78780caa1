import { getTrace } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getTrace,
  summary: 'Get one trace.',
  examples: ['<%= config.bin %> orchestration trace get <uuid>'],
  args: { uuid: 'Trace UUID' },
})
