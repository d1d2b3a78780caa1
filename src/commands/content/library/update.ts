import { updateLibrary } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateLibrary,
  summary: 'Rename a library, change its extractor configuration, or move it to another folder.',
  description: 'Only the flags given are sent (a PATCH).',
  examples: [
    '<%= config.bin %> content library update --uuid 00000000-0000-4000-8000-000000001203 --name "Updated Name"',
    '<%= config.bin %> content library update --uuid 00000000-0000-4000-8000-000000001203 --folder-uuid null',
  ],
})
