import { getDocument } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getDocument,
  summary: 'Show a document written in a chat (text, code, image or sheet), at its latest version.',
  examples: ['<%= config.bin %> ai document get <document-uuid>'],
  args: { uuid: 'Document UUID' },
})
