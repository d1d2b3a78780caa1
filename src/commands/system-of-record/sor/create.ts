import { createSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createSystemOfRecord,
  summary: 'Connect a warehouse (BigQuery or Snowflake) as a system of record.',
  description: 'See `system-of-record client list` for the config each kind takes, and `client get-documentation <kind>` for the setup.',
  examples: [
    '<%= config.bin %> system-of-record sor create --kind snowflake --config @snowflake.json',
    `<%= config.bin %> system-of-record sor create --kind bigQuery --config '{"scope":"dataset","datasetName":"cargo","location":"US","storageBucketName":"cargo-exports","stringifiedServiceAccount":{"type":"encryption","isEncrypted":false,"value":"<service account JSON>"}}'`,
  ],
})
