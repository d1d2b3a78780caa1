import { removeFile } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeFile,
  summary: 'Delete an uploaded file.',
  examples: ['<%= config.bin %> ai file remove <file-uuid>'],
  args: { uuid: 'File UUID' },
})
