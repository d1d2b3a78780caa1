import { updateSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateSystemOfRecord,
  summary: `Replace a system of record's configuration.`,
  examples: [
    '<%= config.bin %> system-of-record sor update --uuid <sor-uuid> --config @snowflake.json',
  ],
})
