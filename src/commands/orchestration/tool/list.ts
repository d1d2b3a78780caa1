import { listTools } from '../../../api/endpoints/orchestration.js'
import { uuidFlag } from '../../../cli/uuid-flag.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listTools,
  summary: 'List tools (on-demand workflows) with name, workflowUuid and description.',
  examples: ['<%= config.bin %> orchestration tool list', '<%= config.bin %> orchestration tool list --folder-uuid <folderUuid>'],
  extraFlags: {
    'folder-uuid': uuidFlag('folder-uuid', { summary: 'Keep only the tools in this folder (filtered here: the API takes no folder filter).' }),
  },
  filterResult: (result, flags) =>
    flags['folder-uuid'] ? { ...result, tools: result.tools.filter((item) => item.folderUuid === flags['folder-uuid']) } : result,
})
