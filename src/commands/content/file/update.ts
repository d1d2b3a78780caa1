import { updateFile } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['ai file update'],
  endpoint: updateFile,
  summary: 'Rename an uploaded file or move it to another folder.',
  examples: [
    '<%= config.bin %> content file update --uuid <file-uuid> --name "Updated Name"',
    '<%= config.bin %> content file update --uuid <file-uuid> --name "Q1 Research Notes"',
    '<%= config.bin %> content file update --uuid <file-uuid> --folder-uuid <folder-uuid>',
  ],
})
