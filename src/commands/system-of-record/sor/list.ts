import { listSystemOfRecords } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listSystemOfRecords,
  summary: 'List the systems of record (connected warehouses) of the workspace.',
  examples: [
    '<%= config.bin %> system-of-record sor list',
  ],
})
