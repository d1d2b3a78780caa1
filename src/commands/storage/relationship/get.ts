import { getRelationship } from '../../../api/endpoints/storage.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getRelationship,
  summary: 'Show a relationship between two models.',
  examples: [
    '<%= config.bin %> storage relationship get <relationship-uuid>',
  ],
  args: { uuid: 'Relationship UUID' },
})
