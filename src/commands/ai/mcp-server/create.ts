import * as Flags from '@oclif/core/flags'
import { createMcpServer } from '../../../api/endpoints/ai.js'
import { UsageError } from '../../../cli/cli-error.js'
import { defineCommand } from '../../../cli/define-command.js'

const urlAdvice =
  'An MCP server made here has no URL (the API takes none; wire.md §19.11). To let an agent use an outside MCP server, add it to its release: ' +
  `ai release update-draft --agent-uuid <uuid> --mcp-clients '[{"kind":"custom","name":"…","url":"https://…","authentication":null,"disabledToolSlugs":[]}]'`

export default defineCommand({
  endpoint: createMcpServer,
  summary: 'Create a Cargo-hosted MCP server that exposes actions and resources to agents.',
  description: `The API needs the actions and resources arrays; a flag left out sends []. An MCP server has no URL of its
own to give: to let an agent call an outside MCP server, add it as a custom MCP client of the agent's
release (ai release update-draft --mcp-clients '[{"kind":"custom","name":…,"url":…}]').`,
  examples: [
    '<%= config.bin %> ai mcp-server create --name "Internal Tools"',
    `<%= config.bin %> ai mcp-server create --name "Enrichment" --actions '[{"kind":"tool","slug":"enrich","toolUuid":"<tool-uuid>","config":{}}]'`,
  ],
  // The docs show --url, which the API has no field for: refuse it with the way to do what was meant.
  extraFlags: { url: Flags.string({ hidden: true, summary: 'Not supported: see the description.' }) },
  async prepare(payload, { flags }) {
    if (flags.url !== undefined) throw new UsageError(urlAdvice)
    return { ...payload, actions: payload.actions ?? [], resources: payload.resources ?? [] }
  },
})
