import { cancelDeployment } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cancelDeployment,
  summary: 'Stop a deployment whose build has not finished.',
  examples: [
    '<%= config.bin %> hosting deployment cancel --uuid 00000000-0000-4000-8000-000000071112',
  ],
})
