import { listClients } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listClients,
  summary: 'List the warehouse types a system of record can use, with their configuration schemas.',
  examples: [
    '<%= config.bin %> system-of-record client list',
  ],
})
