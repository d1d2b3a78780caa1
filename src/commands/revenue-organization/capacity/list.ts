import { listCapacities } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listCapacities,
  summary: 'List the capacities.',
  examples: [
    '<%= config.bin %> revenue-organization capacity list',
    `<%= config.bin %> revenue-organization capacity list --query 'capacities[].{name: name, memberCapacity: memberCapacity}'`,
  ],
})
