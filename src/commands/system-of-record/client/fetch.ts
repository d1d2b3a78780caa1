import { fetchSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: fetchSystemOfRecord,
  summary: 'Run SQL on the warehouse and print one page of rows, with the total count.',
  description: 'Unlike client query, the SQL goes in --query. Use an ORDER BY for stable pages. A refused query answers {"outcome": "notFetched", "errorMessage": "..."}.',
  examples: [
    '<%= config.bin %> system-of-record client fetch --query "SELECT * FROM datasets_default.models_companies ORDER BY name" --limit 100 --offset 0',
    '<%= config.bin %> system-of-record client fetch --query "SELECT * FROM datasets_default.models_companies ORDER BY name" --limit 100 --offset 100',
  ],
})
