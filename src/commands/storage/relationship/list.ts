import { listRelationships } from '../../../api/endpoints/storage.js'
import { uuidFlag } from '../../../cli/uuid-flag.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listRelationships,
  summary: 'List the relationships between models, optionally those that involve one model.',
  examples: ['<%= config.bin %> storage relationship list', '<%= config.bin %> storage relationship list --model-uuid <model-uuid>'],
  extraFlags: {
    'model-uuid': uuidFlag('model-uuid', { summary: 'Keep only the relationships from or to this model (filtered here: the API takes no filter).' }),
  },
  filterResult: (result, flags) => {
    const uuid = flags['model-uuid']
    if (!uuid) return result
    return { ...result, relationships: result.relationships.filter((item) => item.fromModelUuid === uuid || item.toModelUuid === uuid) }
  },
})
