import { listAlerts } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listAlerts,
  summary: 'List the alerts, each with its latest evaluation.',
  examples: ['<%= config.bin %> observability alert list', "<%= config.bin %> observability alert list --query 'alerts[].{name: name, status: lastEvent.status}'"],
})
