import { getLastRecipeVersion } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getLastRecipeVersion,
  summary: 'Show the latest version of a recipe.',
  examples: ['<%= config.bin %> expression recipe get-last-version domain-from-email'],
  args: { uuidOrShortId: 'Recipe UUID or shortId' },
})
