import { getIntegration } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getIntegration,
  summary: 'Show one integration: its actions (keyed by actionSlug), extractors and config schemas.',
  description: 'connector.config describes the credentials `connector create --config` takes; each action has config.schema (its inputs as JSON Schema) and, for autocomplete fields, config.uiSchema. Built-in Cargo actions are in `native-integration get`.',
  examples: [
    '<%= config.bin %> connection integration get clearbit',
    '<%= config.bin %> connection integration get hubspot --query "keys(integration.actions)" --raw',
  ],
  args: { slug: 'Integration slug, e.g. hubspot or clearbit' },
})
