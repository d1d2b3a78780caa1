import { evaluateExpression } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: evaluateExpression,
  summary: 'Evaluate a template or JavaScript expression against sample variables (runs nothing, costs nothing).',
  description:
    "An expression that fails answers {errorMessage} with exit status 0: the call worked, the message is about the expression.",
  examples: [
    `<%= config.bin %> expression eval evaluate --expression '{"kind":"templateExpression","expression":"{{nodes.start.domain}}","instructTo":"none","fromRecipe":false}' --variables '{"nodes":{"start":{"domain":"acme.com"}}}'`,
    `<%= config.bin %> expression eval evaluate --expression '{"kind":"jsExpression","expression":"nodes.enrich.employees > 100","instructTo":"none","fromRecipe":false}' --variables '{"nodes":{"enrich":{"employees":250}}}'`,
  ],
})
