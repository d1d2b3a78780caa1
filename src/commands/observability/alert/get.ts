import { getAlert } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getAlert,
  summary: 'Show one alert and its latest evaluation.',
  examples: ['<%= config.bin %> observability alert get 00000000-0000-4000-8000-000000073001'],
  args: { uuid: 'Alert UUID' },
})
