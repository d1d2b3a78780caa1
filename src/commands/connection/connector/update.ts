import { updateConnector } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateConnector,
  summary: `Change a connector's name, credentials, rate limit, cache lifetime or default status.`,
  description: 'Only the flags given are sent. --config, --rate-limit and --cache-ttl-milliseconds also take null, which clears them.',
  examples: [
    '<%= config.bin %> connection connector update --uuid <connector-uuid> --name "Clearbit - Staging"',
    `<%= config.bin %> connection connector update --uuid <connector-uuid> --config '{"apiKey":"new-key"}'`,
    '<%= config.bin %> connection connector update --uuid <connector-uuid> --rate-limit null --is-default',
  ],
})
