import { createDocument } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createDocument,
  summary: 'Save a document, or a new version of it, under a UUID you choose.',
  examples: ['<%= config.bin %> ai document create --uuid <uuid> --kind text --title "Account plan" --content "Acme: expand in EMEA first"'],
})
