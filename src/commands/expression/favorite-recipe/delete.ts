import { unfavoriteRecipe } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: unfavoriteRecipe,
  summary: 'Remove a recipe from the favorites.',
  examples: ['<%= config.bin %> expression favorite-recipe delete --recipe-uuid 00000000-0000-4000-8000-000000074001'],
})
