import { getFileRaw } from '../../../api/endpoints/content.js'
import { defineRawBytesCommand } from '../../../cli/raw-bytes-command.js'

export default defineRawBytesCommand({
  endpoint: getFileRaw,
  summary: 'Write the bytes of one knowledge file to standard output, or to a file with --output.',
  examples: [
    '<%= config.bin %> content file read-bytes 00000000-0000-4000-8000-000000001202',
    '<%= config.bin %> content file read-bytes 00000000-0000-4000-8000-000000001202 --output knowledge-base.md',
  ],
  args: { uuid: 'File UUID' },
})
