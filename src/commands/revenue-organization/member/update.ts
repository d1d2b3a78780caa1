import { updateMember } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateMember,
  summary: `Replace a member's free-form meta object (null clears it).`,
  examples: [
    `<%= config.bin %> revenue-organization member update --uuid 00000000-0000-4000-8000-000000072001 --meta '{"segment":"enterprise","languages":["en","de"]}'`,
    '<%= config.bin %> revenue-organization member update --uuid 00000000-0000-4000-8000-000000072001 --meta null',
  ],
})
