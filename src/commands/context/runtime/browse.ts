import { browseRuntime } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: browseRuntime,
  summary: 'List the files and folders at a path of the context repository.',
  description: 'Uploaded knowledge files appear, read-only, under .files/.',
  examples: ['<%= config.bin %> context runtime browse', '<%= config.bin %> context runtime browse --path persona', '<%= config.bin %> context runtime browse --depth -1'],
})
