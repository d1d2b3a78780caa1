import { listMemories } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listMemories,
  summary: 'List what agents remember: for one agent, or about you.',
  examples: [
    '<%= config.bin %> ai memory list --scope agent --agent-uuid <uuid>',
    '<%= config.bin %> ai memory list --scope user',
  ],
})
