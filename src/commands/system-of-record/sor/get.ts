import { getSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getSystemOfRecord,
  summary: 'Show one system of record, with its last migration and cutover.',
  examples: [
    '<%= config.bin %> system-of-record sor get <sor-uuid>',
  ],
  args: { uuid: 'System of record UUID' },
})
