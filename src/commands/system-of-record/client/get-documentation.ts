import { joinUrl } from '../../../api/client.js'
import { getClientDocumentation } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

/**
 * Where the relative links of one invocation point. `filterResult` sees only the flags, so `prepare`,
 * which sees the client and the slug, files the link base under the same flags object.
 */
const linkBases = new WeakMap<object, string>()

export default defineCommand({
  endpoint: getClientDocumentation,
  summary: "Print a warehouse client's setup documentation (markdown text, not JSON).",
  description: 'Relative links (./…) are made absolute, pointing at the documentation on the API, as the official client does.',
  examples: ['<%= config.bin %> system-of-record client get-documentation bigQuery', '<%= config.bin %> system-of-record client get-documentation snowflake > snowflake.md'],
  args: { slug: 'Client slug: the kind of a system of record (bigQuery, snowflake; see client list or sor list)' },
  async prepare(payload, { client, flags }) {
    linkBases.set(flags, joinUrl(client.options.baseUrl, `systemOfRecordIntegration/clients/${payload.slug}/documentation/`))
    return payload
  },
  // wire.md §5: every "./" of the text, wherever it is, becomes <base>/v1/systemOfRecordIntegration/clients/<slug>/documentation/
  filterResult: (text, flags) => text.replaceAll('./', linkBases.get(flags) ?? './'),
})
