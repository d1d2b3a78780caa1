import { createConnector } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createConnector,
  summary: 'Connect an integration: create a connector with its credentials, or on Cargo credits.',
  description: 'The answer also holds the dataset created for the connector. For OAuth integrations, finish the sign-in with `connection integration complete-oauth` (or in the Cargo app).',
  examples: [
    '<%= config.bin %> connection connector create --integration-slug clearbit --slug clearbit_production --name "Clearbit - Production"',
    `<%= config.bin %> connection connector create --integration-slug hunter --slug hunter_own_key --name "Hunter (own key)" --config '{"apiKey":"<key>"}'`,
    `<%= config.bin %> connection connector create --integration-slug clearbit --slug clearbit_slow --name "Clearbit (throttled)" --rate-limit '{"unit":"minute","max":60,"strategy":"spread"}'`,
  ],
})
