import { createTool } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createTool,
  summary: 'Create a tool (an on-demand workflow).',
  examples: ['<%= config.bin %> orchestration tool create --name "Find the CEO" --icon \'{"kind":"emoji","emojiSlug":"mag"}\''],
})
