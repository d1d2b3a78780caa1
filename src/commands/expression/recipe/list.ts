import { listRecipes } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRecipes,
  summary: 'List expression recipes: reusable expressions with placeholders.',
  examples: ['<%= config.bin %> expression recipe list', '<%= config.bin %> expression recipe list --tab workspace --categories cleaning,sales --name domain'],
})
