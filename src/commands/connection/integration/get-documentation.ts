import { getIntegrationDocumentation } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getIntegrationDocumentation,
  summary: `Print an integration's documentation (markdown text, not JSON).`,
  examples: [
    '<%= config.bin %> connection integration get-documentation clearbit',
    '<%= config.bin %> connection integration get-documentation hubspot > hubspot.md',
  ],
  args: { slug: 'Integration slug' },
})
