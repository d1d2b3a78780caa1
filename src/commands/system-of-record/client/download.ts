import { downloadSystemOfRecord } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: downloadSystemOfRecord,
  summary: 'Export the whole result of a warehouse SQL query, to standard output or a file.',
  examples: [
    '<%= config.bin %> system-of-record client download --query "SELECT name, domain, employee_count FROM datasets_default.models_companies ORDER BY employee_count DESC" --output companies.csv',
    '<%= config.bin %> system-of-record client download --query "SELECT * FROM datasets_default.models_companies" --url-only',
  ],
  download: true,
})
