import { generateExpression } from '../../../api/endpoints/expression.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: generateExpression,
  summary: 'Ask for an expression that computes what a sentence describes, over sample variables.',
  examples: [`<%= config.bin %> expression eval generate --prompt "the domain of the email" --variables '{"nodes":{"start":{"email":"jane@acme.com"}}}'`],
})
