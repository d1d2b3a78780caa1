import { createRecipe } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createRecipe,
  summary: 'Create a reusable expression recipe (version 1).',
  examples: [
    `<%= config.bin %> expression recipe create --name "Company from domain" --description "The name part of a domain" --category cleaning --kind jsExpression --expression "{{domain}}.split('.')[0]" --instruct-to none --placeholders '[{"name":"Domain","slug":"domain","kind":"string"}]'`,
  ],
  // the API needs isPublic
  prepare: async (payload) => ({ ...payload, isPublic: payload.isPublic ?? false }),
})
