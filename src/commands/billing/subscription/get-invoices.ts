import { getInvoices } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: getInvoices,
  summary: "List the workspace's invoices (amounts in cents).",
  examples: ['<%= config.bin %> billing subscription get-invoices'],
})
