import { listFiles } from '../../../api/endpoints/content.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listFiles,
  summary: 'List the uploaded knowledge files that agents can read.',
  examples: ['<%= config.bin %> ai file list'],
})
