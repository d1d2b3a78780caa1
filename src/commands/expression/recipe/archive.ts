import { archiveRecipe } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: archiveRecipe,
  summary: 'Archive a recipe: it leaves the lists, and nodes that use it keep working.',
  examples: ['<%= config.bin %> expression recipe archive domain-from-email'],
  args: { uuidOrShortId: 'Recipe UUID or shortId' },
})
