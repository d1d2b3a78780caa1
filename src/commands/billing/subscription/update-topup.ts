import { updateTopup } from '../../../api/endpoints/billing.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: updateTopup,
  summary: 'Configure automatic credit top-up: how many credits to buy, and below which level.',
  description: 'Without --enabled the top-up is turned off (the API always needs enabled, so false is sent).',
  examples: [
    '<%= config.bin %> billing subscription update-topup --enabled --credits-count 5000 --threshold 1000',
    '<%= config.bin %> billing subscription update-topup --credits-count 5000 --threshold 1000',
  ],
  prepare: async (payload) => ({ ...payload, enabled: payload.enabled ?? false }),
})
