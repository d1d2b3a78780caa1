import { writeRuntimeFile } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: writeRuntimeFile,
  summary: 'Create or overwrite a file of the context repository and push the commit to its default branch.',
  description: 'The commit is pushed at once: there is no dry run (check the workspace with whoami first).',
  examples: [
    '<%= config.bin %> context runtime write --path persona/cfo.md --content "# CFO" --commit-message "Add the CFO persona"',
    '<%= config.bin %> context runtime write --path persona/vp-sales-mid-market.md --content "$(cat persona.md)" --commit-message "Rewrite the VP of Sales persona"',
  ],
})
