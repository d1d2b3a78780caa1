import { getRecipe } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRecipe,
  summary: 'Show one version of a recipe.',
  examples: ['<%= config.bin %> expression recipe get domain-from-email 1', '<%= config.bin %> expression recipe get 00000000-0000-4000-8000-000000074001 1'],
  args: { uuidOrShortId: 'Recipe UUID or shortId', version: 'Version number' },
})
