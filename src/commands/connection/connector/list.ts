import { listConnectors } from '../../../api/endpoints/connection.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: listConnectors,
  summary: 'List the connectors of the workspace: the signed-in accounts of each integration.',
  description: 'Each connector shows its usage (playsCount, toolsCount, modelsCount), rateLimit, cacheTtlMilliseconds, isDefault and useCredits (true: its actions bill Cargo credits and it holds no config). Its uuid is the connectorUuid of workflow nodes.',
  examples: [
    '<%= config.bin %> connection connector list',
    '<%= config.bin %> connection connector list --integration-slug clearbit',
  ],
})
