import { listFileColumns } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace file list-columns'],
  endpoint: listFileColumns,
  summary: 'List the columns of an uploaded file (its CSV header row).',
  examples: ['<%= config.bin %> workspaceManagement file list-columns --s3-filename <s3-filename>'],
})
