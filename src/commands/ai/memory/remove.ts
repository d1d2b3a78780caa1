import { removeMemory } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeMemory,
  summary: 'Delete a stored memory.',
  examples: ['<%= config.bin %> ai memory remove --mem0-id <id> --scope agent --agent-uuid <uuid>'],
})
