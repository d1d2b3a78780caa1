import { querySystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: querySystemOfRecord,
  summary: 'Run SQL on the workspace warehouse (system of record) and print the rows.',
  description: 'Table names come from `storage model get-ddl` (datasets_<dataset>.models_<model>); do not guess them. The answer is printed as it comes: {"outcome": "queried", "rows": [...]} (or {"rows": [...]}); a query the warehouse refused answers {"outcome": "notQueried", "errorMessage": "..."}, so check outcome in scripts.',
  examples: [
    '<%= config.bin %> system-of-record client query "SELECT * FROM datasets_default.models_companies LIMIT 10"',
    '<%= config.bin %> system-of-record client query "SELECT country, COUNT(*) AS count FROM datasets_default.models_companies GROUP BY country ORDER BY count DESC"',
  ],
  args: { query: 'SQL text in the warehouse dialect, as one quoted argument' },
})
