import { getBuildLogUrl } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getBuildLogUrl,
  summary: `Get a signed URL of a deployment's build log (read it when the build failed).`,
  examples: [
    '<%= config.bin %> hosting deployment get-build-log-url 00000000-0000-4000-8000-000000071112',
    '<%= config.bin %> hosting deployment get-build-log-url 00000000-0000-4000-8000-000000071112 --query url --raw',
  ],
  args: { uuid: 'Deployment UUID' },
})
