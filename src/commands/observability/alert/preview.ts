import { previewAlert } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

export default defineCommand({
  endpoint: previewAlert,
  summary: 'Evaluate a scope and threshold now, without firing actions or recording an event.',
  description:
    'Answers {outcome: empty} when there is nothing to measure in the window, {outcome: notComputed, computeErrorMessage} for a pair that cannot be computed (exit status 0), or {outcome: computed, value, isBreached}.',
  examples: [
    `<%= config.bin %> observability alert preview --scope '{"kind":"runs","workflowUuid":"00000000-0000-4000-8000-000000000102"}' --threshold '{"metric":"errorRate","operator":"gte","value":10}' --window-minutes 1440`,
    `<%= config.bin %> observability alert preview --scope '{"kind":"model","modelUuid":"00000000-0000-4000-8000-000000000301"}' --threshold '{"metric":"recordsCount","operator":"lte","value":3}'`,
  ],
  // the API requires the window; 60 minutes is the documented default
  prepare: async (payload) => ({ ...payload, windowMinutes: payload.windowMinutes ?? 60 }),
})
