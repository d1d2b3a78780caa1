import { removeAlert } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeAlert,
  summary: 'Delete an alert.',
  examples: ['<%= config.bin %> observability alert remove 00000000-0000-4000-8000-000000073001'],
  args: { uuid: 'Alert UUID' },
})
