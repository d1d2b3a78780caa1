import { createSetupIntent } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createSetupIntent,
  summary: 'Start a Stripe setup intent for adding a payment method and print its client secret.',
  examples: ['<%= config.bin %> billing subscription create-setup-intent'],
})
