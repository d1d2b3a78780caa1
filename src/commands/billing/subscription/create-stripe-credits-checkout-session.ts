import { createStripeCreditsCheckoutSession } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createStripeCreditsCheckoutSession,
  summary: 'Open a Stripe checkout session for buying credits and print its URL.',
  examples: ['<%= config.bin %> billing subscription create-stripe-credits-checkout-session --query checkoutSession.url --raw'],
})
