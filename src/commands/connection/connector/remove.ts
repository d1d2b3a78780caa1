import { removeConnector } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeConnector,
  summary: 'Delete a connector that no play, tool or model uses any more.',
  examples: [
    '<%= config.bin %> connection connector remove <connector-uuid>',
  ],
  args: { uuid: 'Connector UUID' },
})
