import { updateDraftRelease } from '../../../api/endpoints/ai.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateDraftRelease,
  summary: "Edit an agent's draft release (prompt, model, actions, resources, MCP clients, ...); only the flags given change.",
  examples: [
    '<%= config.bin %> ai release update-draft --agent-uuid <uuid> --system-prompt "You are a lead research assistant..." --language-model-slug gpt-4o --temperature 0.3 --max-steps 10',
    '<%= config.bin %> ai release update-draft --agent-uuid <agent-uuid> --language-model-slug gpt-4o-mini --temperature 0.0 --max-steps 5 --system-prompt "You are a company scoring assistant."',
    '<%= config.bin %> ai release update-draft --agent-uuid <uuid> --language-model-slug gpt-4o',
    "<%= config.bin %> ai release update-draft --agent-uuid <agent-uuid> --resources '[{\"kind\":\"file\",\"slug\":\"product_docs\",\"name\":\"Product Docs\",\"description\":null,\"prompt\":null,\"items\":[{\"kind\":\"file\",\"fileUuid\":\"<file-uuid>\"}]}]'",
    "<%= config.bin %> ai release update-draft --agent-uuid <agent-uuid> --mcp-clients '[{\"kind\":\"custom\",\"name\":\"Internal Tools\",\"url\":\"https://mcp.example.com\",\"authentication\":null,\"disabledToolSlugs\":[]}]'",
    "<%= config.bin %> ai release update-draft --agent-uuid <agent-uuid> --mcp-clients '[{\"kind\":\"connector\",\"name\":\"HubSpot Tools\",\"connectorUuid\":\"<connector-uuid>\",\"integrationSlug\":\"hubspot\",\"disabledToolSlugs\":[]}]'",
  ],
})
