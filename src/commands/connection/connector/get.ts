import { getConnector } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getConnector,
  summary: 'Show one connector.',
  examples: [
    '<%= config.bin %> connection connector get <connector-uuid>',
  ],
  args: { uuid: 'Connector UUID' },
})
