import { connectorExistsBySlug } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: connectorExistsBySlug,
  summary: 'Tell whether a connector slug is already taken in the workspace.',
  examples: [
    '<%= config.bin %> connection connector exists-by-slug --slug clearbit_production',
  ],
})
