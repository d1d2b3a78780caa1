import { getSubscription } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getSubscription,
  summary: "Show the workspace's subscription: plan, status, credits available and used, period dates.",
  description: 'Credits left = subscriptionAvailableCreditsCount - subscriptionCreditsUsedCount.',
  examples: ['<%= config.bin %> billing subscription get', '<%= config.bin %> billing subscription get --query "subscription.subscriptionAvailableCreditsCount - subscription.subscriptionCreditsUsedCount"'],
})
