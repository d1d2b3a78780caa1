import { listReleases } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listReleases,
  summary: 'List workflow releases.',
  examples: ['<%= config.bin %> orchestration release list --workflow-uuid <uuid>'],
})
