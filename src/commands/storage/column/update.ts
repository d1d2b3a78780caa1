import { updateColumn } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateColumn,
  summary: "Replace a column's definition; the slug inside --column says which column.",
  examples: [
    `<%= config.bin %> storage column update --model-uuid <uuid> --column '{"slug":"my_column","type":"string","label":"Updated Label","kind":"custom"}'`,
    `<%= config.bin %> storage column update --model-uuid <uuid> --column '{"slug":"website_url","type":"string","label":"Website","kind":"custom"}'`,
  ],
})
