import { joinUrl } from '../../../api/client.js'
import { getClientDocumentation } from '../../../api/endpoints/system-of-record.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getClientDocumentation,
  summary: "Print a warehouse client's setup documentation (markdown text, not JSON).",
  description: 'Relative links (./…) are made absolute, pointing at the documentation on the API, as the official client does.',
  examples: ['<%= config.bin %> system-of-record client get-documentation bigQuery', '<%= config.bin %> system-of-record client get-documentation snowflake > snowflake.md'],
  args: { slug: 'Client slug: the kind of a system of record (bigQuery, snowflake; see client list or sor list)' },
  // wire.md §5: every "./" of the text, wherever it is, becomes <base>/v1/systemOfRecordIntegration/clients/<slug>/documentation/
  filterResult: (text, _flags, { client, payload }) =>
    text.replaceAll('./', joinUrl(client.options.baseUrl, `systemOfRecordIntegration/clients/${payload.slug}/documentation/`)),
})
