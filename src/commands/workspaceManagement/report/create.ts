import { createReport } from '../../../api/endpoints/workspace-management.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  aliases: ['workspace report create'],
  endpoint: createReport,
  summary: 'Send a problem report (e.g. about the CLI) to the Cargo team.',
  examples: ['<%= config.bin %> workspaceManagement report create --title "batch create fails on CSV" --description "Ran ... and got errorMessage ..."'],
})
