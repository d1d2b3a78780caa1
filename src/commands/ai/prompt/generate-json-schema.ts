import { generateJsonSchema } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: generateJsonSchema,
  summary: "Generate the JSON schema of a structured answer from its description (for a release's --output).",
  examples: ["<%= config.bin %> ai prompt generate-json-schema --prompt \"The company's name, industry and employee count\""],
})
