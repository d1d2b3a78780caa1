import { executeQuery } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: executeQuery,
  summary: 'Run a SQL query over the models of the workspace (tables <datasetSlug>.<modelSlug>) and print the rows.',
  examples: [
    '<%= config.bin %> storage query execute "SELECT name, domain FROM default.companies LIMIT 10"',
    '<%= config.bin %> storage query execute "SELECT * FROM <dataset-slug>.<model-slug> LIMIT 10"',
  ],
  args: { query: 'SQL text, passed as one quoted positional argument' },
})
