import { getLibrary } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getLibrary,
  summary: 'Show one knowledge library.',
  examples: ['<%= config.bin %> content library get 00000000-0000-4000-8000-000000001201'],
  args: { uuid: 'Library UUID' },
})
