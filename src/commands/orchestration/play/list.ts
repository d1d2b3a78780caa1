import { listPlays } from '../../../api/endpoints/orchestration.js'
import { uuidFlag } from '../../../cli/uuid-flag.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listPlays,
  summary: 'List plays (segment-driven workflows) with name, workflowUuid, modelUuid and segmentUuid.',
  examples: ['<%= config.bin %> orchestration play list', '<%= config.bin %> orchestration play list --folder-uuid <folderUuid>'],
  extraFlags: {
    'folder-uuid': uuidFlag('folder-uuid', { summary: 'Keep only the plays in this folder (filtered here: the API takes no folder filter).' }),
  },
  filterResult: (result, flags) =>
    flags['folder-uuid'] ? { ...result, plays: result.plays.filter((item) => item.folderUuid === flags['folder-uuid']) } : result,
})
