import { createRecipeVersion } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createRecipeVersion,
  summary: 'Publish a new version of a recipe; earlier versions stay readable.',
  examples: [
    `<%= config.bin %> expression recipe create-new-version --uuid 00000000-0000-4000-8000-000000074001 --name "Domain from email" --description "The domain of an email address, lower-cased" --category cleaning --expression "{{email}}.split('@')[1].toLowerCase()" --placeholders '[{"name":"Email","slug":"email","kind":"string"}]'`,
  ],
  // the API needs isPublic
  prepare: async (payload) => ({ ...payload, isPublic: payload.isPublic ?? false }),
})
