import { updateCreditsOverageBehaviors } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateCreditsOverageBehaviors,
  summary: 'Set, per unit, whether usage beyond the available credits is allowed or denied (enterprise plans).',
  examples: [`<%= config.bin %> billing subscription update-credits-overage-behaviors --credits-overage-behaviors '[{"unit":"billing.credits","action":"allow"}]'`],
})
