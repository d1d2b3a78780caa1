import { countEvents } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: countEvents,
  summary: "Count an alert's evaluations.",
  examples: ['<%= config.bin %> observability event count 00000000-0000-4000-8000-000000073001 --statuses unhealthy'],
  args: { alertUuid: 'Alert UUID' },
})
