import { favoriteRecipe } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: favoriteRecipe,
  summary: 'Mark a recipe as a favorite (see recipe list --tab favorites).',
  examples: ['<%= config.bin %> expression favorite-recipe create --recipe-uuid 00000000-0000-4000-8000-000000074001'],
})
