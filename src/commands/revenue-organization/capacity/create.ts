import { createCapacity } from '../../../api/endpoints/revenue-organization.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createCapacity,
  summary: 'Create a capacity: how many records of a model each member may hold, and when they are released.',
  examples: [
    `<%= config.bin %> revenue-organization capacity create --name "Open accounts" --color green --model-uuid 00000000-0000-4000-8000-000000000301 --id-column-slug domain --member-capacity 50 --allocation-expiration-policy '{"interval":"monthly","day":1}'`,
  ],
})
