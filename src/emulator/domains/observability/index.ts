/** The observability domain of the emulator, alerts part: alerts, their previews and evaluation events (spans and traces are served by orchestration/traces.ts). */
export { observabilityAlertHandlers } from './handlers.js'
export { OBSERVABILITY_SEED, observabilityDocs } from './seed.js'
