import { promoteDeployment } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: promoteDeployment,
  summary: 'Make a successful deployment the live one of its app or worker.',
  examples: [
    '<%= config.bin %> hosting deployment promote --uuid 00000000-0000-4000-8000-000000071111',
  ],
})
