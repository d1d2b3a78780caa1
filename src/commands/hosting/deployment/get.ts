import { getDeployment } from '../../../api/endpoints/hosting.js'
import { defineCommand } from '../../../cli/define-command.js'
import { waitForDeployment } from '../../../cli/waiters/hosting.js'

export default defineCommand({
  endpoint: getDeployment,
  summary: 'Show one deployment: its build status, URL and error; --wait-until-finished waits for the build to end.',
  examples: [
    '<%= config.bin %> hosting deployment get 00000000-0000-4000-8000-000000071111',
    '<%= config.bin %> hosting deployment get 00000000-0000-4000-8000-000000071111 --wait-until-finished --exit-status',
  ],
  args: { uuid: 'Deployment UUID' },
  wait: waitForDeployment,
})
