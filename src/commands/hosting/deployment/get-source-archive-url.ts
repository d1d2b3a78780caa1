import { getSourceArchiveUrl } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getSourceArchiveUrl,
  summary: 'Get a signed URL of the source files a deployment was built from.',
  examples: [
    '<%= config.bin %> hosting deployment get-source-archive-url 00000000-0000-4000-8000-000000071111',
  ],
  args: { uuid: 'Deployment UUID' },
})
