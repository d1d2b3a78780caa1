import { listDocuments } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listDocuments,
  summary: 'List the versions of a document, newest first.',
  examples: ['<%= config.bin %> ai document list --uuid <document-uuid> --limit 5'],
})
