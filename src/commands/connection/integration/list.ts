import { listIntegrations } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listIntegrations,
  summary: 'List the integrations Cargo offers, with their actions, extractors and config schemas.',
  description: 'Every item is a whole integration, so the output is long: --query "integrations[].slug" keeps only the slugs. The boolean filters take an optional value: --has-actions, --has-actions true, --has-actions false (or --no-has-actions).',
  examples: [
    '<%= config.bin %> connection integration list',
    '<%= config.bin %> connection integration list --search hubspot',
    '<%= config.bin %> connection integration list --category enrichment',
    '<%= config.bin %> connection integration list --has-actions true',
    '<%= config.bin %> connection integration list --has-extractors true --query "integrations[].slug"',
  ],
})
