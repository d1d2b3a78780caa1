import { downloadQuery } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

// This command's own --query (the SQL) and --format (csv|parquet) shadow the global ones.
export default defineCommand({
  endpoint: downloadQuery,
  summary: 'Export the result of a SQL query over the workspace models as CSV or Parquet, streamed out.',
  examples: [
    '<%= config.bin %> storage query download --query "SELECT * FROM default.companies"',
    '<%= config.bin %> storage query download --query "SELECT * FROM default.companies" --format parquet',
  ],
  download: true,
})
