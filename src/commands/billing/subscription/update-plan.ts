import { updatePlan } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updatePlan,
  summary: "Change the plan's credits per period and its billing cadence (takes effect at the next reset).",
  examples: ['<%= config.bin %> billing subscription update-plan --credits-count 20000 --cadence monthly'],
})
