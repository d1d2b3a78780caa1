import { removeSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeSystemOfRecord,
  summary: 'Disconnect a system of record; prints the removed object.',
  examples: [
    '<%= config.bin %> system-of-record sor remove <sor-uuid>',
  ],
  args: { uuid: 'System of record UUID' },
})
