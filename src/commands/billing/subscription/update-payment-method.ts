import { updatePaymentMethod } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updatePaymentMethod,
  summary: "Make a Stripe payment method the subscription's default.",
  examples: ['<%= config.bin %> billing subscription update-payment-method --payment-method-id pm_1Qx...'],
})
