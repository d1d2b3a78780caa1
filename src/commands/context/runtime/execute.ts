import { executeInRuntime } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: executeInRuntime,
  summary: 'Run a command (grep, ls, cat, ...) in the context sandbox and print its exit code and output.',
  description: "A non-zero exitCode is the command's own answer, printed with exit status 0.",
  examples: [
    `<%= config.bin %> context runtime execute --command grep --args '["-r","-l","Mid-market","."]'`,
    `<%= config.bin %> context runtime execute --command ls --args '["-1",".files"]'`,
    '<%= config.bin %> context runtime execute --command pwd',
  ],
})
