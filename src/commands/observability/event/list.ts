import { listEvents } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listEvents,
  summary: "List an alert's evaluations, newest first, each with the scope, threshold and actions it used and the runs it fired.",
  examples: ['<%= config.bin %> observability event list 00000000-0000-4000-8000-000000073001', '<%= config.bin %> observability event list 00000000-0000-4000-8000-000000073001 --statuses unhealthy,error --limit 10'],
  args: { alertUuid: 'Alert UUID' },
})
