import { readRuntimeFile } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: readRuntimeFile,
  summary: 'Read a file of the context repository, or a range of its lines.',
  examples: [
    '<%= config.bin %> context runtime read --path persona/vp-sales-mid-market.md',
    '<%= config.bin %> context runtime read --path play/inbound-trial-to-paid.md --start-line 1 --end-line 5',
  ],
})
