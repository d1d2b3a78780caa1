import { getFile } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getFile,
  summary: 'Show one knowledge file: its name, library, folder, type and size in bytes.',
  examples: ['<%= config.bin %> content file get 00000000-0000-4000-8000-000000001202'],
  args: { uuid: 'File UUID' },
})
