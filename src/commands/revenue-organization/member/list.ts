import { listMembers } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listMembers,
  summary: 'List the members of the revenue team, archived ones included.',
  examples: [
    '<%= config.bin %> revenue-organization member list',
    `<%= config.bin %> revenue-organization member list --query 'members[].{email: email, uuid: uuid}'`,
  ],
})
