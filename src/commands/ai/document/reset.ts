import { resetDocument } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: resetDocument,
  summary: 'Go back to an earlier version of a document, given the creation time of that version.',
  examples: ['<%= config.bin %> ai document reset --uuid <document-uuid> --created-at 2025-01-01T00:00:00.000Z'],
})
