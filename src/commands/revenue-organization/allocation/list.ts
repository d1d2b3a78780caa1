import { listAllocations } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listAllocations,
  summary: 'List which members records were allocated to, filtered by member, capacity or territory.',
  examples: [
    '<%= config.bin %> revenue-organization allocation list',
    '<%= config.bin %> revenue-organization allocation list --territory-uuid 00000000-0000-4000-8000-000000072101',
    '<%= config.bin %> revenue-organization allocation list --members-uuids 00000000-0000-4000-8000-000000072001,00000000-0000-4000-8000-000000072002 --capacity-uuid 00000000-0000-4000-8000-000000072201',
  ],
})
