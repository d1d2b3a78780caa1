import { createRun } from '../../../api/endpoints/orchestration.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForRun } from '../../../cli/waiters/orchestration.js'

export default defineCommand({
  endpoint: createRun,
  summary: 'Start a run: one record through a tool workflow or an ad-hoc node graph.',
  examples: ["<%= config.bin %> orchestration run create --workflow-uuid <uuid> --data '{\"company\":\"Acme\",\"domain\":\"acme.com\"}'", "<%= config.bin %> orchestration run create --data '{\"domain\":\"acme.com\"}' --nodes '[...]'", "<%= config.bin %> orchestration run create --workflow-uuid <tool.workflowUuid> --data '{\"company\":\"Acme\",\"domain\":\"acme.com\"}' --wait-until-finished", "<%= config.bin %> orchestration run create --workflow-uuid 00000000-0000-4000-8000-000000000102 --data '{\"domain\":\"acme.com\"}' --query run.uuid --raw"],
  exclusive: [['nodes', 'release-uuid']],
  wait: waitForRun,
})
