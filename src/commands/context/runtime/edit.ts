import { editRuntimeFile } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: editRuntimeFile,
  summary: 'Replace an exact piece of text in a context file and push the commit.',
  description: 'The text must occur exactly once, unless --replace-all; --new-string "" deletes it.',
  examples: [
    '<%= config.bin %> context runtime edit --path global/positioning.md --old-string "We help RevOps automate workflows." --new-string "We help RevOps run AI-native GTM motions." --commit-message "Refresh the positioning line"',
  ],
})
