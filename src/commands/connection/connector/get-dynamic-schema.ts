import { getConnectorDynamicSchema } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getConnectorDynamicSchema,
  summary: 'Compute a config schema (JSON schema and UI schema) that an integration builds from live connector data.',
  examples: [
    `<%= config.bin %> connection connector get-dynamic-schema --connector-uuid <connector-uuid> --slug objectProperties --params '{"objectType":"contacts"}'`,
  ],
})
