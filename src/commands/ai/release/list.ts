import { listReleases } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listReleases,
  summary: 'List agent releases (versioned configurations), newest first.',
  examples: [
    '<%= config.bin %> ai release list --agent-uuid <uuid>',
    '<%= config.bin %> ai release list --agent-uuid <agent-uuid>',
  ],
})
