import { updateMemory } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateMemory,
  summary: 'Replace the text of a stored memory.',
  examples: [
    '<%= config.bin %> ai memory update --mem0-id <id> --scope agent --agent-uuid <uuid> --content "Updated memory"',
    '<%= config.bin %> ai memory update --mem0-id <id> --scope agent --agent-uuid <uuid> --content "Updated memory content"',
  ],
})
