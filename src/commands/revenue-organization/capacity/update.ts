import { updateCapacity } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateCapacity,
  summary: 'Change a capacity; --filter is required (null removes the filter).',
  examples: [
    '<%= config.bin %> revenue-organization capacity update --uuid 00000000-0000-4000-8000-000000072201 --member-capacity 80 --filter null',
    `<%= config.bin %> revenue-organization capacity update --uuid 00000000-0000-4000-8000-000000072201 --filter '{"conjonction":"and","groups":[{"conjonction":"and","conditions":[{"kind":"number","columnSlug":"employee_count","operator":"greaterThan","value":100}]}]}'`,
  ],
})
