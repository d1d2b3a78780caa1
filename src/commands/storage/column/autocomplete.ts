import { autocompleteColumn } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

// This command's own --query (a search text) shadows the global JMESPath --query.
export default defineCommand({
  endpoint: autocompleteColumn,
  summary: 'Suggest values of a column (value and label), optionally those containing a text.',
  examples: [
    `<%= config.bin %> storage column autocomplete --model-uuid <model-uuid> --column '{"slug":"country","type":"string","label":"Country","kind":"original","originalSlug":"country"}' --query U`,
  ],
})
