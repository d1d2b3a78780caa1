import { readRuntimeBytes } from '../../../api/endpoints/context.js'
import { defineRawBytesCommand } from '../../../cli/raw-bytes-command.js'

export default defineRawBytesCommand({
  endpoint: readRuntimeBytes,
  summary: 'Write the bytes of one file of the context repository to standard output, or to a file with --output.',
  examples: [
    '<%= config.bin %> context runtime read-bytes --path persona/vp-sales-mid-market.md',
    '<%= config.bin %> context runtime read-bytes --path .files/knowledge-base.md --output knowledge-base.md',
  ],
})
