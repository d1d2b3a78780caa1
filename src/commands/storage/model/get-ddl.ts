import { getModelDdl } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getModelDdl,
  summary: 'Print the warehouse DDL of a model ({ddl, language}): the exact table and column names to use in SQL.',
  examples: [
    '<%= config.bin %> storage model get-ddl <model-uuid>',
    '<%= config.bin %> storage model get-ddl <companies-model-uuid>',
  ],
  args: { uuid: 'Model UUID' },
})
