import { removeFile } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['ai file remove'],
  endpoint: removeFile,
  summary: 'Delete an uploaded file.',
  examples: ['<%= config.bin %> content file remove <file-uuid>'],
  args: { uuid: 'File UUID' },
})
