import * as Flags from '@oclif/core/flags'
import { createAlert } from '../../../api/endpoints/observability.js'
import { defineCommand } from '../../../cli/define-command.js'

// isEnabled is offered inverted, as --disabled: the alert is enabled unless told otherwise
const endpoint = { ...createAlert, payload: createAlert.payload.omit({ isEnabled: true }) }

export default defineCommand({
  endpoint,
  summary: 'Create an alert: a threshold over telemetry, a SQL query or a model, checked on a schedule.',
  description: 'Preview the scope and threshold first (alert preview) to size the threshold and catch a pair that cannot be computed.',
  examples: [
    `<%= config.bin %> observability alert create --name "Enrichment error rate" --cron "*/30 * * * *" --scope '{"kind":"runs","workflowUuid":"00000000-0000-4000-8000-000000000102"}' --threshold '{"metric":"errorRate","operator":"gte","value":10}'`,
    `<%= config.bin %> observability alert create --name "Few companies" --cron "@every 1h" --disabled --scope '{"kind":"model","modelUuid":"00000000-0000-4000-8000-000000000301"}' --threshold '{"metric":"recordsCount","operator":"lte","value":3}' --actions '[{"kind":"agent","agentUuid":"00000000-0000-4000-8000-000000001101","config":{"message":"{{alert.name}} breached: {{event.value}}"}}]'`,
  ],
  flagOverrides: { folderUuid: { name: 'folder' } },
  extraFlags: { disabled: Flags.boolean({ summary: 'Create the alert paused (sends isEnabled: false).' }) },
  prepare: async (payload, { flags }) => (flags.disabled ? { ...payload, isEnabled: false } : payload),
})
