import { migrateSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: migrateSystemOfRecord,
  summary: `Start a migration of a system of record's schema; follow it in lastMigration (sor get).`,
  examples: [
    '<%= config.bin %> system-of-record sor migrate <sor-uuid>',
    '<%= config.bin %> system-of-record sor get <sor-uuid> --query systemOfRecord.lastMigration.status --raw',
  ],
  args: { uuid: 'System of record UUID' },
})
