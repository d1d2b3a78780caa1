import { getUsageMetrics } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getUsageMetrics,
  summary: 'Report usage per day over a date range, optionally filtered and split by workflow, connector, model, integration or agent.',
  description: `Each day is {date, items: [{slug, count, groupBy?}]}; groupBy holds the resource id when --group-by is given.
--unit takes billing.credits, orchestration.executions or storage.records (the API refuses anything else, such as
credits); without it the items of all units come mixed in one list.`,
  examples: [
    '<%= config.bin %> billing usage get-metrics --from 2025-01-01 --to 2025-01-31',
    '<%= config.bin %> billing usage get-metrics --from 2025-01-01 --to 2025-01-31 --group-by workflow_uuid',
    '<%= config.bin %> billing usage get-metrics --from 2025-01-01 --to 2025-01-31 --workflow-uuid <uuid> --group-by connector_uuid',
    '<%= config.bin %> billing usage get-metrics --from 2025-01-01 --to 2025-01-31 --unit orchestration.executions',
  ],
})
