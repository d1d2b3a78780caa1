import { removeLibrary } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: removeLibrary,
  summary: 'Delete a library; it must hold no files.',
  examples: ['<%= config.bin %> content library remove 00000000-0000-4000-8000-000000001203'],
  args: { uuid: 'Library UUID' },
})
