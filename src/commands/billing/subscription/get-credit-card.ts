import { getCreditCard } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getCreditCard,
  summary: 'Show the card on file (brand, expiry, last four digits); {} when there is none.',
  examples: ['<%= config.bin %> billing subscription get-credit-card'],
})
