import { createPortalSession } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: createPortalSession,
  summary: 'Open a Stripe billing portal session and print its URL (open it in a browser).',
  examples: ['<%= config.bin %> billing subscription create-portal-session', '<%= config.bin %> billing subscription create-portal-session --query portalSession.url --raw'],
})
