import { createReport } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createReport,
  summary: 'Send a problem report (e.g. about the CLI) to the Cargo team.',
  examples: ['<%= config.bin %> workspace report create --title "batch create fails on CSV" --description "Ran ... and got errorMessage ..."'],
})
