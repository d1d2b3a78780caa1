import { deployDraftRelease, deployRequiredFields, getDraftRelease } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: deployDraftRelease,
  summary: "Publish an agent's draft release so that it becomes the live configuration.",
  description: `The API requires the integration and model slugs and the actions, MCP clients, resources, capabilities
and suggested actions. Those left out are taken from the current draft (read first), so a deploy with only
--agent-uuid publishes the draft as it is, and never wipes what update-draft attached.`,
  examples: [
    "<%= config.bin %> ai release deploy-draft --agent-uuid <uuid> --integration-slug openai --language-model-slug gpt-4o --actions '[]' --mcp-clients '[]' --resources '[]' --capabilities '[]' --suggested-actions '[]' --description \"Added research actions\"",
    "<%= config.bin %> ai release deploy-draft --agent-uuid <agent-uuid> --integration-slug openai --language-model-slug gpt-4o-mini --actions '[]' --mcp-clients '[]' --resources '[]' --capabilities '[]' --suggested-actions '[]' --description \"Initial deployment with scoring prompt\"",
    '<%= config.bin %> ai release deploy-draft --agent-uuid <agent-uuid> --language-model-slug gpt-4o --integration-slug openai',
    '<%= config.bin %> ai release deploy-draft --agent-uuid <uuid>',
  ],
  async prepare(payload, { client }) {
    const missing = deployRequiredFields.filter((field) => payload[field] === undefined)
    if (missing.length === 0) return payload
    const { release } = await client.call(getDraftRelease, { agentUuid: payload.agentUuid })
    return { ...payload, ...Object.fromEntries(missing.map((field) => [field, release[field]])) }
  },
})
