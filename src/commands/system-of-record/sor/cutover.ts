import { cutoverSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: cutoverSystemOfRecord,
  summary: 'Move the workspace to another system of record, copying its tables; follow it in cutover (sor get).',
  examples: [
    '<%= config.bin %> system-of-record sor cutover <target-sor-uuid>',
    '<%= config.bin %> system-of-record sor get <target-sor-uuid> --query systemOfRecord.cutover',
  ],
  args: { uuid: 'System of record UUID (the target)' },
})
