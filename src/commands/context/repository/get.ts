import { getRepository } from '../../../api/endpoints/context.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRepository,
  summary: "Show the workspace's context repository: managed by Cargo or a GitHub repository of yours, and its default branch.",
  examples: ['<%= config.bin %> context repository get'],
})
