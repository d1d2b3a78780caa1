import { listFiles } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['ai file list'],
  endpoint: listFiles,
  summary: 'List the uploaded knowledge files that agents can read.',
  examples: ['<%= config.bin %> content file list'],
})
